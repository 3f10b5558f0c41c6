package io.flightdeck.core.stats;

import java.util.List;

/**
 * Profile of a numeric column. Statistics are over the finite values; NaN, infinities and missing
 * values are only counted. A statistic that is undefined (no finite value; std with fewer than two)
 * is NaN.
 *
 * @param count all values seen, missing ones included
 * @param missing missing values ({@code null} in the source)
 * @param nan NaN values
 * @param positiveInfinity {@code +inf} values
 * @param negativeInfinity {@code -inf} values
 * @param finite finite values: {@code count - missing - nan - positiveInfinity - negativeInfinity}
 * @param min smallest finite value (exact)
 * @param max largest finite value (exact)
 * @param mean mean of the finite values
 * @param std sample standard deviation (ddof = 1, as {@code pandas.Series.std}); NumPy's default
 *     {@code np.std} is the population one (ddof = 0)
 * @param quantiles the requested percentiles, in order
 * @param quantilesExact whether the quantiles are exact or estimated by the KLL sketch
 * @param histogram equal-width histogram of the finite values
 * @param distinct distinct finite values ({@code -0.0} and {@code 0.0} count once)
 * @param distinctExact whether {@code distinct} is exact or a HyperLogLog estimate (~0.8 % error)
 */
public record NumericProfile(
    long count,
    long missing,
    long nan,
    long positiveInfinity,
    long negativeInfinity,
    long finite,
    double min,
    double max,
    double mean,
    double std,
    List<Quantile> quantiles,
    boolean quantilesExact,
    Histogram histogram,
    long distinct,
    boolean distinctExact) {

  /** Copies the quantile list. */
  public NumericProfile {
    quantiles = List.copyOf(quantiles);
  }
}
