package io.flightdeck.core.stats;

/** Quantiles of sorted data and weighted histogram counts. Stateless and thread-safe. */
final class Percentiles {
  private Percentiles() {}

  /**
   * NumPy's default ("linear", Hyndman-Fan type 7) quantile of sorted, non-empty data, {@code q} in
   * [0, 1], with NumPy's {@code _lerp} (interpolating from the nearer end for accuracy).
   */
  static double linear(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    if (virtual >= n - 1) {
      return sorted[n - 1];
    }
    if (virtual < 0) {
      return sorted[0];
    }
    int prev = (int) Math.floor(virtual);
    double gamma = virtual - prev;
    double a = sorted[prev];
    double b = sorted[prev + 1];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  /** Histogram counts of weighted, sorted values, same bin rule as {@link Binning#counts}. */
  static long[] weightedCounts(KllSketch.Weighted w, double[] edges) {
    double[] values = w.values();
    long[] prefix = new long[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      prefix[i + 1] = prefix[i] + w.weights()[i];
    }
    int bins = edges.length - 1;
    long[] counts = new long[bins];
    int start = Binning.lowerBound(values, edges[0]);
    for (int i = 0; i < bins; i++) {
      int end =
          i == bins - 1
              ? Binning.upperBound(values, edges[bins])
              : Binning.lowerBound(values, edges[i + 1]);
      counts[i] = prefix[Math.max(start, end)] - prefix[start];
      start = Math.max(start, end);
    }
    return counts;
  }
}
