package io.flightdeck.core.registry.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Permutation feature importance (Breiman; scikit-learn's {@code permutation_importance}): for each
 * feature, shuffle its column, score the rows again and take the drop of the metric from the
 * unshuffled baseline; repeat and report mean and standard deviation. A feature the model ignores
 * gets 0; a negative value means shuffling helped by chance. The shuffles are seeded, so the same
 * seed gives the same result.
 *
 * <p>Stateless and thread-safe; blocking (it scores {@code features × repeats + 1} times). The
 * input matrix is not modified (a copy is shuffled).
 */
public final class PermutationImportance {
  /** Repeats used when none are given. */
  public static final int DEFAULT_REPEATS = 5;

  private PermutationImportance() {}

  /**
   * Computes the importance of every feature.
   *
   * @param rowMajor the rows, {@code rows × features.size()} values row by row
   * @param features the feature names in column order
   * @param predict scores a row-major matrix of the same shape (for example through a {@link
   *     io.flightdeck.core.registry.Scorer}) and returns its outputs
   * @param metric the metric of a prediction, higher is better (accuracy, R²)
   * @param repeats shuffles per feature, at least 1
   * @param seed the seed of the shuffles
   * @param cancelled polled between scorings; when true a {@link CancellationException} is thrown
   * @return one entry per feature, most important first (ties keep column order)
   */
  public static List<EvaluationReport.FeatureImportance> compute(
      float[] rowMajor,
      List<String> features,
      Function<float[], float[]> predict,
      ToDoubleFunction<float[]> metric,
      int repeats,
      long seed,
      BooleanSupplier cancelled) {
    int f = features.size();
    if (f == 0 || rowMajor.length % f != 0 || repeats < 1) {
      throw new IllegalArgumentException(
          rowMajor.length + " values, " + f + " features, " + repeats + " repeats");
    }
    int rows = rowMajor.length / f;
    double baseline = metric.applyAsDouble(predict.apply(rowMajor.clone()));
    float[] work = rowMajor.clone();
    float[] column = new float[rows];
    SplittableRandom random = new SplittableRandom(seed);
    List<EvaluationReport.FeatureImportance> out = new ArrayList<>(f);
    for (int j = 0; j < f; j++) {
      for (int i = 0; i < rows; i++) {
        column[i] = rowMajor[i * f + j];
      }
      double[] drops = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
          throw new CancellationException("Permutation importance cancelled");
        }
        shuffle(column, random);
        for (int i = 0; i < rows; i++) {
          work[i * f + j] = column[i];
        }
        drops[r] = baseline - metric.applyAsDouble(predict.apply(work.clone()));
      }
      for (int i = 0; i < rows; i++) {
        work[i * f + j] = rowMajor[i * f + j];
      }
      out.add(
          new EvaluationReport.FeatureImportance(features.get(j), mean(drops), std(drops), drops));
    }
    out.sort(Comparator.comparingDouble(EvaluationReport.FeatureImportance::mean).reversed());
    return out;
  }

  /** Fisher-Yates. */
  private static void shuffle(float[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      float t = a[i];
      a[i] = a[k];
      a[k] = t;
    }
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Population standard deviation (ddof 0, like numpy's default). */
  static double std(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / v.length);
  }
}
