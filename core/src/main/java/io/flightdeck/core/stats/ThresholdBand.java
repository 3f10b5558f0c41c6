package io.flightdeck.core.stats;

/**
 * An alert band for a metric tracked over time: values below {@code lower} or above {@code upper}
 * raise an alert. An unbounded side is {@code -inf} or {@code +inf}.
 *
 * @param lower lowest value that raises no alert
 * @param upper highest value that raises no alert
 */
public record ThresholdBand(double lower, double upper) {
  /** Rejects NaN bounds and {@code lower > upper}. */
  public ThresholdBand {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException(
          "Threshold band needs lower <= upper, got [" + lower + ", " + upper + "]");
    }
  }

  /** Whether the value lies outside the band; NaN (no value) never alerts, as in NannyML. */
  public boolean isAlert(double value) {
    return value < lower || value > upper;
  }

  /** {@link #isAlert} for each value. */
  public boolean[] alerts(double[] values) {
    boolean[] out = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = isAlert(values[i]);
    }
    return out;
  }
}
