package io.flightdeck.core.registry.eval;

/**
 * Metrics of a classifier from true class indices and predicted probabilities, as scikit-learn 1.2
 * computes them: accuracy, the confusion matrix, per-class precision, recall and F1 with their
 * macro and support-weighted averages (an undefined ratio counts as 0, {@code zero_division=0}),
 * ROC AUC (binary: class 1 against class 0; multiclass: the macro average of one-vs-rest AUCs) and
 * log loss (probabilities clipped to [1e-15, 1 - 1e-15], then each row renormalised).
 *
 * <p>Classes are indices {@code 0..k-1} into the model's labels; probabilities are row-major,
 * {@code n × k}. Stateless and thread-safe; inputs are not modified. Arrays of mismatched sizes are
 * programming errors ({@link IllegalArgumentException}).
 */
public final class ClassificationMetrics {
  /** The clipping bound of {@link #logLoss}. */
  public static final double LOG_LOSS_EPS = 1e-15;

  private ClassificationMetrics() {}

  /**
   * Per-class precision, recall and F1 with the number of true rows of each class.
   *
   * @param precision TP / (TP + FP), 0 when nothing was predicted as the class
   * @param recall TP / (TP + FN), 0 when the class never occurs
   * @param f1 the harmonic mean of both, 0 when both are 0
   * @param support true rows of each class
   */
  public record PerClass(double[] precision, double[] recall, double[] f1, long[] support) {}

  /** The most probable class of each row (the first one on ties, like {@code numpy.argmax}). */
  public static int[] argmax(double[] proba, int classes) {
    int n = rows(proba, classes);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (proba[i * classes + c] > proba[i * classes + best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** The share of rows whose predicted class is the true one. */
  public static double accuracy(int[] actual, int[] predicted) {
    same(actual.length, predicted.length);
    long hit = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] == predicted[i]) {
        hit++;
      }
    }
    return (double) hit / actual.length;
  }

  /** Counts of (true class, predicted class): {@code m[actual][predicted]}. */
  public static long[][] confusionMatrix(int[] actual, int[] predicted, int classes) {
    same(actual.length, predicted.length);
    long[][] m = new long[classes][classes];
    for (int i = 0; i < actual.length; i++) {
      m[actual[i]][predicted[i]]++;
    }
    return m;
  }

  /** Precision, recall, F1 and support of every class from a confusion matrix. */
  public static PerClass perClass(long[][] confusion) {
    int k = confusion.length;
    double[] p = new double[k];
    double[] r = new double[k];
    double[] f = new double[k];
    long[] support = new long[k];
    for (int c = 0; c < k; c++) {
      long tp = confusion[c][c];
      long predicted = 0;
      for (int a = 0; a < k; a++) {
        predicted += confusion[a][c];
        support[c] += confusion[c][a];
      }
      p[c] = predicted == 0 ? 0 : (double) tp / predicted;
      r[c] = support[c] == 0 ? 0 : (double) tp / support[c];
      f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
    }
    return new PerClass(p, r, f, support);
  }

  /** The unweighted mean over classes. */
  public static double macro(double[] perClass) {
    double s = 0;
    for (double v : perClass) {
      s += v;
    }
    return s / perClass.length;
  }

  /** The mean over classes weighted by support (0 when there are no rows). */
  public static double weighted(double[] perClass, long[] support) {
    same(perClass.length, support.length);
    double s = 0;
    long total = 0;
    for (int c = 0; c < perClass.length; c++) {
      s += perClass[c] * support[c];
      total += support[c];
    }
    return total == 0 ? 0 : s / total;
  }

  /** Mean cross-entropy of the true classes, probabilities clipped to {@link #LOG_LOSS_EPS}. */
  public static double logLoss(int[] actual, double[] proba, int classes) {
    int n = rows(proba, classes);
    same(actual.length, n);
    double total = 0;
    double[] row = new double[classes];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        row[c] = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, proba[i * classes + c]));
        sum += row[c];
      }
      total += -Math.log(row[actual[i]] / sum);
    }
    return total / n;
  }

  /**
   * ROC AUC: for two classes, of class 1's probability; for more, the unweighted mean of each
   * class's one-vs-rest AUC. NaN when a needed class has no rows or all rows are of it.
   */
  public static double rocAuc(int[] actual, double[] proba, int classes) {
    if (classes == 2) {
      return BinaryCurves.rocAuc(oneVsRest(actual, 1), column(proba, classes, 1));
    }
    double s = 0;
    for (int c = 0; c < classes; c++) {
      s += BinaryCurves.rocAuc(oneVsRest(actual, c), column(proba, classes, c));
    }
    return s / classes;
  }

  /** Whether each row's true class is {@code positive}. */
  public static boolean[] oneVsRest(int[] actual, int positive) {
    boolean[] out = new boolean[actual.length];
    for (int i = 0; i < actual.length; i++) {
      out[i] = actual[i] == positive;
    }
    return out;
  }

  /** One class's probabilities. */
  public static double[] column(double[] proba, int classes, int c) {
    int n = rows(proba, classes);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = proba[i * classes + c];
    }
    return out;
  }

  private static int rows(double[] proba, int classes) {
    if (classes < 1 || proba.length % classes != 0) {
      throw new IllegalArgumentException(
          proba.length + " probabilities are not rows of " + classes + " classes");
    }
    return proba.length / classes;
  }

  private static void same(int a, int b) {
    if (a != b) {
      throw new IllegalArgumentException("Sizes differ: " + a + " vs " + b);
    }
  }
}
