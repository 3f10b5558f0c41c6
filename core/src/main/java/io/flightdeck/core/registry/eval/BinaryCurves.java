package io.flightdeck.core.registry.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranking curves of one binary problem (a positive class against the rest): ROC and
 * precision-recall points with their thresholds, ROC AUC and average precision, computed exactly as
 * scikit-learn 1.2 does ({@code roc_curve} with {@code drop_intermediate=True}, {@code
 * precision_recall_curve}, {@code roc_auc_score}, {@code average_precision_score}). Stateless and
 * thread-safe; inputs are not modified.
 */
public final class BinaryCurves {
  private BinaryCurves() {}

  /**
   * ROC points.
   *
   * @param fpr false positive rates, increasing from 0 to 1
   * @param tpr true positive rates, increasing from 0 to 1
   * @param thresholds decreasing; the first is the highest score plus 1 (so nothing is positive)
   */
  public record Roc(double[] fpr, double[] tpr, double[] thresholds) {}

  /**
   * Precision-recall points, recall decreasing; the last point is (recall 0, precision 1) and has
   * no threshold, as in scikit-learn.
   */
  public record PrecisionRecall(double[] precision, double[] recall, double[] thresholds) {}

  /** Cumulative false and true positives at each distinct score, highest score first. */
  private record Counts(double[] fps, double[] tps, double[] thresholds) {}

  private static Counts counts(boolean[] positive, double[] score) {
    int n = score.length;
    if (positive.length != n || n == 0) {
      throw new IllegalArgumentException(
          "Need as many labels as scores, at least one: " + positive.length + " vs " + n);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
    double[] fps = new double[n];
    double[] tps = new double[n];
    double[] thr = new double[n];
    int m = 0;
    long tp = 0;
    for (int r = 0; r < n; r++) {
      int i = order[r];
      if (positive[i]) {
        tp++;
      }
      if (r == n - 1 || score[order[r + 1]] != score[i]) {
        tps[m] = tp;
        fps[m] = r + 1 - tp;
        thr[m] = score[i];
        m++;
      }
    }
    return new Counts(Arrays.copyOf(fps, m), Arrays.copyOf(tps, m), Arrays.copyOf(thr, m));
  }

  /**
   * The ROC curve of a score against positive labels, with collinear points dropped.
   *
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public static Roc roc(boolean[] positive, double[] score) {
    Counts c = counts(positive, score);
    double[] fps = c.fps();
    double[] tps = c.tps();
    double[] thr = c.thresholds();
    int n = fps.length;
    int[] keep = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      boolean corner =
          n <= 2
              || i == 0
              || i == n - 1
              || fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0
              || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0;
      if (corner) {
        keep[m++] = i;
      }
    }
    double[] fpr = new double[m + 1];
    double[] tpr = new double[m + 1];
    double[] t = new double[m + 1];
    double fpTotal = fps[n - 1];
    double tpTotal = tps[n - 1];
    t[0] = thr[keep[0]] + 1;
    for (int j = 0; j < m; j++) {
      int i = keep[j];
      fpr[j + 1] = fps[i] / fpTotal;
      tpr[j + 1] = tps[i] / tpTotal;
      t[j + 1] = thr[i];
    }
    return new Roc(fpr, tpr, t);
  }

  /**
   * The area under the ROC curve (trapezoids), or NaN when the labels hold only one class.
   *
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public static double rocAuc(boolean[] positive, double[] score) {
    Roc r = roc(positive, score);
    double[] fpr = r.fpr();
    double[] tpr = r.tpr();
    if (Double.isNaN(fpr[fpr.length - 1]) || Double.isNaN(tpr[tpr.length - 1])) {
      return Double.NaN;
    }
    return trapezoid(fpr, tpr);
  }

  /**
   * The precision-recall curve. Precision where nothing is predicted positive is 0; without any
   * positive label, recall is 1 at every threshold (scikit-learn's convention).
   *
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public static PrecisionRecall precisionRecall(boolean[] positive, double[] score) {
    Counts c = counts(positive, score);
    int n = c.tps().length;
    double tpTotal = c.tps()[n - 1];
    double[] precision = new double[n + 1];
    double[] recall = new double[n + 1];
    double[] thresholds = new double[n];
    for (int i = 0; i < n; i++) {
      int j = n - 1 - i;
      double ps = c.tps()[j] + c.fps()[j];
      precision[i] = ps == 0 ? 0 : c.tps()[j] / ps;
      recall[i] = tpTotal == 0 ? 1 : c.tps()[j] / tpTotal;
      thresholds[i] = c.thresholds()[j];
    }
    precision[n] = 1;
    recall[n] = 0;
    return new PrecisionRecall(precision, recall, thresholds);
  }

  /**
   * Average precision: the sum over thresholds of precision times the step in recall (no
   * interpolation), the usual one-number summary of a precision-recall curve.
   */
  public static double averagePrecision(PrecisionRecall pr) {
    double[] p = pr.precision();
    double[] r = pr.recall();
    double sum = 0;
    for (int i = 0; i + 1 < r.length; i++) {
      sum += (r[i + 1] - r[i]) * p[i];
    }
    return -sum;
  }

  /** The trapezoid-rule area under y(x) for increasing x. */
  public static double trapezoid(double[] x, double[] y) {
    double area = 0;
    for (int i = 1; i < x.length; i++) {
      area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
    }
    return area;
  }
}
