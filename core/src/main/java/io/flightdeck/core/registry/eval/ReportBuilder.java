package io.flightdeck.core.registry.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns scored rows into the parts of an {@link EvaluationReport}: headline metrics, per-class
 * metrics, confusion matrix, curves (thinned for drawing) and calibration, or residuals. Stateless.
 */
final class ReportBuilder {
  /** The most points a drawn curve keeps. */
  static final int MAX_CURVE_POINTS = 1000;

  /** The most classes that get curves (the most frequent ones). */
  static final int MAX_CURVE_CLASSES = 20;

  private ReportBuilder() {}

  /** Classification parts; {@code metrics} receives the headline metrics (finite ones only). */
  static Parts classification(
      int[] actual, double[] proba, List<String> labels, Map<String, Double> metrics) {
    int k = labels.size();
    int[] predicted = ClassificationMetrics.argmax(proba, k);
    long[][] confusion = ClassificationMetrics.confusionMatrix(actual, predicted, k);
    ClassificationMetrics.PerClass pc = ClassificationMetrics.perClass(confusion);
    put(metrics, "accuracy", ClassificationMetrics.accuracy(actual, predicted));
    boolean binary = k == 2; // binary: of the second label (scikit-learn's pos_label=1)
    put(
        metrics,
        "precision",
        binary ? pc.precision()[1] : ClassificationMetrics.macro(pc.precision()));
    put(metrics, "recall", binary ? pc.recall()[1] : ClassificationMetrics.macro(pc.recall()));
    put(metrics, "f1", binary ? pc.f1()[1] : ClassificationMetrics.macro(pc.f1()));
    put(metrics, "precision_macro", ClassificationMetrics.macro(pc.precision()));
    put(metrics, "recall_macro", ClassificationMetrics.macro(pc.recall()));
    put(metrics, "f1_macro", ClassificationMetrics.macro(pc.f1()));
    put(
        metrics,
        "precision_weighted",
        ClassificationMetrics.weighted(pc.precision(), pc.support()));
    put(metrics, "recall_weighted", ClassificationMetrics.weighted(pc.recall(), pc.support()));
    put(metrics, "f1_weighted", ClassificationMetrics.weighted(pc.f1(), pc.support()));
    put(metrics, "roc_auc", ClassificationMetrics.rocAuc(actual, proba, k));
    put(metrics, "log_loss", ClassificationMetrics.logLoss(actual, proba, k));
    List<EvaluationReport.ClassMetrics> perClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      perClass.add(
          new EvaluationReport.ClassMetrics(
              labels.get(c), pc.precision()[c], pc.recall()[c], pc.f1()[c], pc.support()[c]));
    }
    List<EvaluationReport.Curve> roc = new ArrayList<>();
    List<EvaluationReport.Curve> pr = new ArrayList<>();
    List<EvaluationReport.Calibration> cal = new ArrayList<>();
    for (int c : curveClasses(k, pc.support())) {
      boolean[] pos = ClassificationMetrics.oneVsRest(actual, c);
      double[] score = ClassificationMetrics.column(proba, k, c);
      BinaryCurves.Roc r = BinaryCurves.roc(pos, score);
      double auc = BinaryCurves.trapezoid(r.fpr(), r.tpr());
      roc.add(thin(labels.get(c), r.fpr(), r.tpr(), r.thresholds(), auc));
      BinaryCurves.PrecisionRecall p = BinaryCurves.precisionRecall(pos, score);
      double ap = BinaryCurves.averagePrecision(p);
      if (k == 2) {
        put(metrics, "average_precision", ap);
      }
      pr.add(thin(labels.get(c), p.recall(), p.precision(), p.thresholds(), ap));
      cal.add(Calibration.curve(labels.get(c), pos, score));
    }
    return new Parts(
        predicted,
        perClass,
        new EvaluationReport.ConfusionMatrix(labels, confusion),
        roc,
        pr,
        cal,
        null);
  }

  /** Regression parts; {@code metrics} receives rmse, mae and r2. */
  static Parts regression(double[] actual, double[] predicted, Map<String, Double> metrics) {
    put(metrics, "rmse", RegressionMetrics.rmse(actual, predicted));
    put(metrics, "mae", RegressionMetrics.mae(actual, predicted));
    put(metrics, "r2", RegressionMetrics.r2(actual, predicted));
    return new Parts(
        null,
        List.of(),
        null,
        List.of(),
        List.of(),
        List.of(),
        RegressionMetrics.residuals(actual, predicted, RegressionMetrics.MAX_RESIDUAL_POINTS));
  }

  /** What a report holds besides metrics, fairness and importance. */
  record Parts(
      int[] predicted,
      List<EvaluationReport.ClassMetrics> perClass,
      EvaluationReport.ConfusionMatrix confusion,
      List<EvaluationReport.Curve> roc,
      List<EvaluationReport.Curve> precisionRecall,
      List<EvaluationReport.Calibration> calibration,
      EvaluationReport.Residuals residuals) {}

  /** Binary: the positive class only; else the most frequent classes, in label order. */
  static int[] curveClasses(int k, long[] support) {
    if (k == 2) {
      return new int[] {1};
    }
    return IntStream.range(0, k)
        .boxed()
        .sorted(Comparator.comparingLong((Integer c) -> -support[c]))
        .limit(MAX_CURVE_CLASSES)
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  /** A curve with at most {@link #MAX_CURVE_POINTS} points: evenly spaced, ends kept. */
  static EvaluationReport.Curve thin(
      String label, double[] x, double[] y, double[] thresholds, double area) {
    int n = x.length;
    if (n <= MAX_CURVE_POINTS) {
      return new EvaluationReport.Curve(label, x, y, thresholds, area);
    }
    int m = MAX_CURVE_POINTS;
    double[] tx = new double[m];
    double[] ty = new double[m];
    double[] tt = new double[Math.min(m, thresholds.length)];
    for (int j = 0; j < m; j++) {
      int i = (int) Math.round((double) j * (n - 1) / (m - 1));
      tx[j] = x[i];
      ty[j] = y[i];
      if (j < tt.length) {
        tt[j] = thresholds[Math.min(i, thresholds.length - 1)];
      }
    }
    return new EvaluationReport.Curve(label, tx, ty, tt, area);
  }

  /** Copies a double array's prefix. */
  static double[] prefix(double[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  static void put(Map<String, Double> metrics, String name, double value) {
    if (Double.isFinite(value)) {
      metrics.put(name, value);
    }
  }

  /** A fresh ordered map for headline metrics. */
  static Map<String, Double> metrics() {
    return new LinkedHashMap<>();
  }
}
