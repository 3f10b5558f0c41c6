package io.flightdeck.core.registry.eval;

import java.util.Arrays;

/**
 * Reliability (calibration) curve of one class's probability: rows are put into 10 uniform bins of
 * predicted probability ({@code [0, 0.1], (0.1, 0.2], ..., (0.9, 1]}, like scikit-learn's {@code
 * calibration_curve(n_bins=10, strategy='uniform')}); each non-empty bin gives the mean predicted
 * probability, the fraction of rows that are positive and the row count. A well-calibrated model
 * has the two close. Stateless and thread-safe.
 */
public final class Calibration {
  /** The number of bins. */
  public static final int BINS = 10;

  private Calibration() {}

  /**
   * The curve of one class.
   *
   * @param label the class, for the report
   * @param positive whether each row is of the class
   * @param probability the predicted probability of the class for each row (values outside [0, 1]
   *     fall into the first or last bin)
   * @return only the non-empty bins, in increasing probability
   */
  public static EvaluationReport.Calibration curve(
      String label, boolean[] positive, double[] probability) {
    if (positive.length != probability.length) {
      throw new IllegalArgumentException(
          "Sizes differ: " + positive.length + " vs " + probability.length);
    }
    double[] sumPredicted = new double[BINS];
    double[] positives = new double[BINS];
    long[] counts = new long[BINS];
    for (int i = 0; i < probability.length; i++) {
      int b = bin(probability[i]);
      sumPredicted[b] += probability[i];
      positives[b] += positive[i] ? 1 : 0;
      counts[b]++;
    }
    double[] mean = new double[BINS];
    double[] fraction = new double[BINS];
    long[] n = new long[BINS];
    int m = 0;
    for (int b = 0; b < BINS; b++) {
      if (counts[b] > 0) {
        mean[m] = sumPredicted[b] / counts[b];
        fraction[m] = positives[b] / counts[b];
        n[m] = counts[b];
        m++;
      }
    }
    return new EvaluationReport.Calibration(
        label, Arrays.copyOf(mean, m), Arrays.copyOf(fraction, m), Arrays.copyOf(n, m));
  }

  /** The bin of a probability: how many inner edges 0.1, 0.2, ... 0.9 lie strictly below it. */
  static int bin(double p) {
    int b = 0;
    while (b < BINS - 1 && (b + 1) * (1.0 / BINS) < p) {
      b++;
    }
    return b;
  }
}
