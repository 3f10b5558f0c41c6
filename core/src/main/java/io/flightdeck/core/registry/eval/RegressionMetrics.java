package io.flightdeck.core.registry.eval;

/**
 * Metrics of a regression model from true and predicted values, as scikit-learn 1.2 computes them:
 * RMSE ({@code sqrt(mean_squared_error)}), MAE and R² (1 - SS_res / SS_tot; for a constant target
 * 1.0 when every prediction is exact, else 0.0, scikit-learn's {@code force_finite}), plus a
 * bounded sample of residuals for a residual plot. Stateless and thread-safe; inputs are not
 * modified; arrays of different lengths are programming errors ({@link IllegalArgumentException}).
 */
public final class RegressionMetrics {
  /** The most residual points a report keeps. */
  public static final int MAX_RESIDUAL_POINTS = 2000;

  private RegressionMetrics() {}

  /** Root mean squared error. */
  public static double rmse(double[] actual, double[] predicted) {
    same(actual, predicted);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = actual[i] - predicted[i];
      s += d * d;
    }
    return Math.sqrt(s / actual.length);
  }

  /** Mean absolute error. */
  public static double mae(double[] actual, double[] predicted) {
    same(actual, predicted);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      s += Math.abs(actual[i] - predicted[i]);
    }
    return s / actual.length;
  }

  /** Coefficient of determination; may be negative for a model worse than the mean. */
  public static double r2(double[] actual, double[] predicted) {
    same(actual, predicted);
    double mean = 0;
    for (double v : actual) {
      mean += v;
    }
    mean /= actual.length;
    double res = 0;
    double tot = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = actual[i] - predicted[i];
      double e = actual[i] - mean;
      res += d * d;
      tot += e * e;
    }
    if (tot == 0) {
      return res == 0 ? 1.0 : 0.0;
    }
    return 1 - res / tot;
  }

  /**
   * Residuals (actual - predicted) against predictions, at most {@code maxPoints} of them, taken at
   * evenly spaced rows so that a time-ordered dataset is covered from start to end.
   */
  public static EvaluationReport.Residuals residuals(
      double[] actual, double[] predicted, int maxPoints) {
    same(actual, predicted);
    int n = actual.length;
    int m = Math.min(n, Math.max(1, maxPoints));
    double[] p = new double[m];
    double[] r = new double[m];
    for (int j = 0; j < m; j++) {
      int i = (int) ((long) j * n / m);
      p[j] = predicted[i];
      r[j] = actual[i] - predicted[i];
    }
    return new EvaluationReport.Residuals(p, r, n);
  }

  private static void same(double[] a, double[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException(
          "Need as many predictions as values, at least one: " + a.length + " vs " + b.length);
    }
  }
}
