package io.flightdeck.core.stats;

/**
 * Memory bounds and knobs of the column profilers.
 *
 * @param exactQuantileLimit finite values a numeric profiler keeps for exact quantiles and
 *     histogram (8 bytes each); beyond it, a KLL sketch takes over (default 1,000,000 = 8 MB)
 * @param exactDistinctLimit distinct values counted exactly (numeric: 16 bytes each; categorical:
 *     the labels themselves are kept); beyond it, HyperLogLog (default 100,000)
 * @param sketchK KLL accuracy parameter: about {@code 3 k} values retained, rank error about {@code
 *     1.7 / k} (default 1024)
 * @param topK categories reported by the categorical profiler (default 10)
 * @param heavyHitterCapacity counters of the Misra-Gries summary that replaces exact category
 *     counts beyond {@code exactDistinctLimit} (default 1000; count error at most {@code 2n /
 *     capacity})
 * @param histogramBins equal-width bins of the numeric histogram; 0 chooses them by Sturges' rule
 *     as {@code np.histogram(x, bins='sturges')} (default 0)
 * @param seed seed of the sketches' random choices, so that equal inputs give equal profiles
 */
public record ProfilerLimits(
    int exactQuantileLimit,
    int exactDistinctLimit,
    int sketchK,
    int topK,
    int heavyHitterCapacity,
    int histogramBins,
    long seed) {

  /** The defaults listed above. */
  public static final ProfilerLimits DEFAULT =
      new ProfilerLimits(1_000_000, 100_000, 1024, 10, 1000, 0, 0x5EEDL);

  /** Validates the bounds. */
  public ProfilerLimits {
    if (exactQuantileLimit < 0
        || exactDistinctLimit < 0
        || sketchK < 8
        || topK < 1
        || heavyHitterCapacity < 2 * topK
        || histogramBins < 0) {
      throw new IllegalArgumentException(
          String.format(
              "Invalid profiler limits: need limits >= 0, sketchK >= 8, topK >= 1,"
                  + " heavyHitterCapacity >= 2 * topK and histogramBins >= 0; got"
                  + " exactQuantileLimit=%d, exactDistinctLimit=%d, sketchK=%d, topK=%d,"
                  + " heavyHitterCapacity=%d, histogramBins=%d",
              exactQuantileLimit,
              exactDistinctLimit,
              sketchK,
              topK,
              heavyHitterCapacity,
              histogramBins));
    }
  }
}
