package io.flightdeck.core.dataset;

import java.util.List;

/**
 * The profile of one column of a dataset version, computed during the import pass. Fields that do
 * not apply to the column's type are {@code null} (numeric statistics for strings, top categories
 * for numbers).
 *
 * @param column the column name
 * @param type its type
 * @param count rows in the version (missing included)
 * @param missing empty cells (and missing tokens such as NA in typed columns)
 * @param nan NaN values (decimal columns)
 * @param infinite +Inf and -Inf values (decimal columns)
 * @param distinct distinct non-missing values
 * @param distinctExact whether {@code distinct} is exact (up to 8,192 distinct values; else a
 *     HyperLogLog estimate, about 1 % relative error)
 * @param min the smallest finite value (numbers, timestamps as epoch ms, booleans as 0/1)
 * @param max the largest finite value
 * @param mean the mean of finite values
 * @param std the sample standard deviation (n-1) of finite values
 * @param quantiles values at {@link #PERCENTS} (linear interpolation as numpy's default; exact
 *     while the column's values fit its memory share, else estimated by a KLL sketch)
 * @param quantilesExact whether the quantiles are exact
 * @param histogram counts of finite values in equal-width bins between min and max, as {@code
 *     np.histogram(x, bins='sturges')} (estimated from the sketch when the quantiles are)
 * @param top the most frequent values (at most 20) with counts (categorical, text, boolean), most
 *     frequent first; exact when {@code distinctExact}, else Misra-Gries estimates
 */
public record ColumnProfile(
    String column,
    ColumnType type,
    long count,
    long missing,
    long nan,
    long infinite,
    long distinct,
    boolean distinctExact,
    Double min,
    Double max,
    Double mean,
    Double std,
    List<Double> quantiles,
    Boolean quantilesExact,
    Histogram histogram,
    List<CategoryCount> top) {
  /** The percentiles profiled. */
  public static final List<Integer> PERCENTS = List.of(1, 5, 25, 50, 75, 95, 99);

  /**
   * Equal-width bins: {@code edges} has one more element than {@code counts}; the last bin includes
   * its upper edge (as numpy).
   */
  public record Histogram(List<Double> edges, List<Long> counts) {}

  /** A value and how often it occurs. */
  public record CategoryCount(String value, long count) {}

  /** The share of missing cells, 0 when there are no rows. */
  public double missingRate() {
    return count == 0 ? 0 : (double) missing / count;
  }
}
