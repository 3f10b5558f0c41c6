#!/usr/bin/python3
"""Golden reference values for Flightdeck's model evaluation (package io.flightdeck.core.registry.eval).

Run with Debian's Python, which sees python3-sklearn (see make_golden.py for why):

    /usr/bin/python3 core/src/test/golden/make_eval_golden.py

It writes JSON files into core/src/test/resources/eval/. The Java tests read only those files, so
building Flightdeck never needs Python. Every case carries its input inline (true class indices and
predicted probabilities, or true and predicted values); the "models" are scikit-learn estimators
fitted on the even rows of iris, wine, breast cancer and diabetes and applied to the odd rows, plus
small hand-made and generated cases with ties, saturated probabilities and constant targets.

Reference semantics (scikit-learn 1.2.1):
- accuracy_score; confusion_matrix(labels=range(k)); precision/recall/f1 with average=None, 'macro'
  and 'weighted', zero_division=0; the predicted class is np.argmax (first maximum on ties);
- roc_auc_score: binary on the probability of class 1, multiclass multi_class='ovr', average='macro';
- log_loss(eps=1e-15) (scikit-learn's default before 1.2; clip, renormalise rows, mean);
- roc_curve (drop_intermediate=True; the first threshold is thresholds[1] + 1 as in 1.2),
  precision_recall_curve and average_precision_score, per class one-vs-rest (binary: class 1 only);
- calibration_curve(n_bins=10, strategy='uniform'): only non-empty bins, as scikit-learn returns them;
- regression: sqrt(mean_squared_error), mean_absolute_error, r2_score (force_finite: 1.0 for a
  perfect fit of a constant target, else 0.0).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score,
                             log_loss, mean_absolute_error, mean_squared_error,
                             precision_recall_curve, precision_score, r2_score, recall_score,
                             roc_auc_score, roc_curve)
from sklearn.naive_bayes import GaussianNB

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', 'resources', 'eval'))
DATA = '/usr/lib/python3/dist-packages/sklearn/datasets/data'


def load(name):
    arr = np.loadtxt(os.path.join(DATA, name), delimiter=',', skiprows=1)
    return arr[:, :-1], arr[:, -1].astype(int)


def floats(a):
    return [float(x) for x in np.asarray(a).ravel()]


def write(name, obj):
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(obj, f, indent=1)
        f.write('\n')


def fitted(model, x, y):
    model.fit(x[::2], y[::2])
    return y[1::2], model.predict_proba(x[1::2])


def classification_case(name, labels, y, proba):
    y = np.asarray(y, dtype=int)
    proba = np.asarray(proba, dtype=float)
    k = len(labels)
    pred = np.argmax(proba, axis=1)
    idx = list(range(k))
    case = {'name': name, 'labels': labels, 'y_true': y.tolist(), 'proba': proba.tolist(),
            'y_pred': pred.tolist(),
            'accuracy': float(accuracy_score(y, pred)),
            'confusion_matrix': confusion_matrix(y, pred, labels=idx).tolist(),
            'log_loss': float(log_loss(y, proba, eps=1e-15, labels=idx))}
    for avg in [None, 'macro', 'weighted']:
        key = 'per_class' if avg is None else avg
        case['precision_' + key] = floats(precision_score(y, pred, labels=idx, average=avg, zero_division=0))
        case['recall_' + key] = floats(recall_score(y, pred, labels=idx, average=avg, zero_division=0))
        case['f1_' + key] = floats(f1_score(y, pred, labels=idx, average=avg, zero_division=0))
    if k == 2:
        case['roc_auc'] = float(roc_auc_score(y, proba[:, 1]))
        classes = [1]
    else:
        case['roc_auc'] = float(roc_auc_score(y, proba, multi_class='ovr', average='macro', labels=idx))
        classes = idx
    curves = []
    for c in classes:
        pos = (y == c).astype(int)
        fpr, tpr, thr = roc_curve(pos, proba[:, c])
        prec, rec, pthr = precision_recall_curve(pos, proba[:, c])
        frac, mean = calibration_curve(pos, proba[:, c], n_bins=10, strategy='uniform')
        curves.append({'class': c, 'roc_fpr': floats(fpr), 'roc_tpr': floats(tpr),
                       'roc_thresholds': floats(thr), 'roc_auc': float(roc_auc_score(pos, proba[:, c])),
                       'pr_precision': floats(prec), 'pr_recall': floats(rec),
                       'pr_thresholds': floats(pthr),
                       'average_precision': float(average_precision_score(pos, proba[:, c])),
                       'calibration_fraction_positive': floats(frac),
                       'calibration_mean_predicted': floats(mean)})
    case['curves'] = curves
    return case


def classification():
    cases = []
    x, y = load('breast_cancer.csv')
    yt, p = fitted(LogisticRegression(max_iter=10000), x, y)
    cases.append(classification_case('breast_cancer logistic (binary)', ['malignant', 'benign'], yt, p))
    x, y = load('iris.csv')
    yt, p = fitted(LogisticRegression(max_iter=10000), x, y)
    cases.append(classification_case('iris logistic (3 classes)', ['setosa', 'versicolor', 'virginica'], yt, p))
    x, y = load('wine_data.csv')
    yt, p = fitted(GaussianNB(), x, y)
    cases.append(classification_case('wine gaussian NB (saturated probabilities)', ['class_0', 'class_1', 'class_2'], yt, p))
    x, y = load('iris.csv')
    yt, p = fitted(GaussianNB(), x[:, :1], y)
    cases.append(classification_case('iris sepal length only NB (weak, ties)', ['setosa', 'versicolor', 'virginica'], yt, p))
    rng = np.random.RandomState(7)
    yb = rng.randint(0, 2, 400)
    pb = np.clip(np.round(0.35 * yb + rng.uniform(0, 0.65, 400), 1), 0, 1)
    cases.append(classification_case('generated binary rounded to 0.1 (many ties)', ['no', 'yes'],
                                     yb, np.column_stack([1 - pb, pb])))
    cases.append(classification_case('hand: class 2 never predicted, exact 0 and 1', ['a', 'b', 'c'],
                                     [0, 1, 2, 2, 1, 0],
                                     [[1.0, 0.0, 0.0], [0.2, 0.7, 0.1], [0.5, 0.3, 0.2],
                                      [0.1, 0.6, 0.3], [0.3, 0.3, 0.4], [0.6, 0.4, 0.0]]))
    write('classification.json', {'sklearn': sklearn.__version__, 'cases': cases})


def regression_case(name, y, pred):
    y = np.asarray(y, dtype=float)
    pred = np.asarray(pred, dtype=float)
    return {'name': name, 'y_true': floats(y), 'y_pred': floats(pred),
            'rmse': float(np.sqrt(mean_squared_error(y, pred))),
            'mae': float(mean_absolute_error(y, pred)),
            'r2': float(r2_score(y, pred))}


def regression():
    cases = []
    x = np.loadtxt(os.path.join(DATA, 'diabetes_data_raw.csv.gz'))
    y = np.loadtxt(os.path.join(DATA, 'diabetes_target.csv.gz'))
    m = LinearRegression().fit(x[::2], y[::2])
    cases.append(regression_case('diabetes linear regression', y[1::2], m.predict(x[1::2])))
    xb, _ = load('breast_cancer.csv')
    m = LinearRegression().fit(xb[::2, 1:5], xb[::2, 0])
    cases.append(regression_case('breast_cancer radius from 4 columns', xb[1::2, 0], m.predict(xb[1::2, 1:5])))
    cases.append(regression_case('constant target, imperfect (r2 0 by force_finite)', [3, 3, 3], [3, 3, 3.5]))
    cases.append(regression_case('constant target, perfect (r2 1)', [2.5, 2.5], [2.5, 2.5]))
    cases.append(regression_case('hand: negative r2', [1, 2, 3, 4], [4, 3, 2, 1]))
    write('regression.json', {'sklearn': sklearn.__version__, 'cases': cases})


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    classification()
    regression()
