package io.flightdeck.core.tracking.series;

/**
 * TensorBoard's smoothing: a debiased exponential moving average. Stateless and thread-safe.
 *
 * <p>{@code s_n = w·s_{n-1} + (1−w)·y_n} from {@code s_0 = 0}, shown as {@code s_n / (1 − w^k)}
 * where k counts the finite values so far, so the start is not pulled towards zero. NaN and
 * infinite values are skipped (they stay as they are in the output and do not move the average).
 * Like TensorBoard, a series whose values are all equal is returned unchanged.
 */
public final class Ema {
  /** The largest weight accepted (the slider's right end). */
  public static final double MAX_WEIGHT = 0.999;

  private Ema() {}

  /**
   * @param y the values; not changed
   * @param weight 0 (no smoothing) to {@link #MAX_WEIGHT}
   * @return a new array of the same length
   * @throws IllegalArgumentException when the weight is outside 0..0.999
   */
  public static double[] smooth(double[] y, double weight) {
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
      throw new IllegalArgumentException("EMA weight must be in 0..0.999, not " + weight);
    }
    double[] out = new double[y.length];
    if (constant(y)) {
      System.arraycopy(y, 0, out, 0, y.length);
      return out;
    }
    double last = 0;
    double power = 1; // weight^k
    for (int i = 0; i < y.length; i++) {
      double v = y[i];
      if (!Double.isFinite(v)) {
        out[i] = v;
        continue;
      }
      last = last * weight + (1 - weight) * v;
      power *= weight;
      out[i] = last / (1 - power);
    }
    return out;
  }

  private static boolean constant(double[] y) {
    for (int i = 1; i < y.length; i++) {
      if (Double.compare(y[i], y[0]) != 0) {
        return false;
      }
    }
    return true;
  }
}
