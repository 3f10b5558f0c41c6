package io.flightdeck.core.stats;

/**
 * NannyML's {@code StandardDeviationThreshold}: from a metric's values on reference chunks, the
 * band {@code mean - lowerMultiplier * std .. mean + upperMultiplier * std} (NaN values ignored,
 * population std as {@code np.nanstd}), then clamped to the metric's own limits the way NannyML's
 * {@code calculate_threshold_values} does: a bound beyond a limit is replaced by the limit (e.g.
 * accuracy stays within [0, 1], PSI above 0). Immutable and thread-safe.
 */
public final class StandardDeviationThreshold {
  /** NannyML's default multiplier on both sides. */
  public static final double DEFAULT_MULTIPLIER = 3.0;

  private final double lowerMultiplier;
  private final double upperMultiplier;

  /** Mean +- 3 std. */
  public StandardDeviationThreshold() {
    this(DEFAULT_MULTIPLIER, DEFAULT_MULTIPLIER);
  }

  /**
   * Custom multipliers; {@code +inf} leaves that side unbounded.
   *
   * @throws IllegalArgumentException when a multiplier is negative or NaN
   */
  public StandardDeviationThreshold(double lowerMultiplier, double upperMultiplier) {
    if (!(lowerMultiplier >= 0) || !(upperMultiplier >= 0)) {
      throw new IllegalArgumentException(
          "Multipliers must be >= 0, got " + lowerMultiplier + ", " + upperMultiplier);
    }
    this.lowerMultiplier = lowerMultiplier;
    this.upperMultiplier = upperMultiplier;
  }

  /** The band from reference chunk values, without limits. */
  public ThresholdBand fit(double[] referenceValues) {
    return fit(referenceValues, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * The band from reference chunk values, clamped to {@code [lowerLimit, upperLimit]}.
   *
   * @throws IllegalArgumentException when no reference value is a number, or when the values lie
   *     outside the limits so that the clamped band would be empty
   */
  public ThresholdBand fit(double[] referenceValues, double lowerLimit, double upperLimit) {
    Summation sum = new Summation();
    int n = 0;
    for (double v : referenceValues) {
      if (!Double.isNaN(v)) {
        sum.add(v);
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "Threshold needs at least one reference chunk value that is a number, got "
              + referenceValues.length
              + " values");
    }
    double mean = sum.value() / n;
    Summation squares = new Summation();
    for (double v : referenceValues) {
      if (!Double.isNaN(v)) {
        squares.add((v - mean) * (v - mean));
      }
    }
    double std = Math.sqrt(squares.value() / n);
    double lower =
        lowerMultiplier == Double.POSITIVE_INFINITY
            ? Double.NEGATIVE_INFINITY
            : mean - std * lowerMultiplier;
    double upper =
        upperMultiplier == Double.POSITIVE_INFINITY
            ? Double.POSITIVE_INFINITY
            : mean + std * upperMultiplier;
    if (lower <= lowerLimit) {
      lower = lowerLimit;
    }
    if (upper >= upperLimit) {
      upper = upperLimit;
    }
    if (lower > upper) {
      throw new IllegalArgumentException(
          "Reference values (mean "
              + mean
              + ") lie outside the metric's limits ["
              + lowerLimit
              + ", "
              + upperLimit
              + "]; check the metric or the limits");
    }
    return new ThresholdBand(lower, upper);
  }
}
