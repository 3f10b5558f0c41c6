package io.flightdeck.core.stats;

/**
 * Equal-width histogram bins exactly as NumPy builds them ({@code np.histogram_bin_edges} with an
 * integer or {@code 'sturges'}, {@code np.linspace} edges) and counts that follow NumPy's rule: bin
 * {@code i} holds {@code edges[i] <= x < edges[i+1]}, the last bin also holds its right edge,
 * values outside the edges (and NaN) are not counted. Stateless and thread-safe.
 */
public final class Binning {
  private Binning() {}

  /**
   * The number of bins {@code np.histogram_bin_edges(x, bins='sturges')} chooses for {@code n}
   * values spanning {@code [min, max]}: {@code ceil(range / (range / (log2 n + 1)))}, 1 when the
   * range is 0.
   *
   * @throws IllegalArgumentException when {@code n < 1} or the range is not finite
   */
  public static int sturgesBins(long n, double min, double max) {
    checkRange(n, min, max);
    double ptp = max - min;
    double width = ptp / (log2(n) + 1.0);
    return width == 0 ? 1 : (int) Math.ceil(ptp / width);
  }

  /**
   * {@code bins + 1} edges from {@code min} to {@code max} as {@code np.linspace}; an empty range
   * is widened to {@code [min - 0.5, max + 0.5]} as NumPy does.
   *
   * @throws IllegalArgumentException when {@code bins < 1} or the range is not finite
   */
  public static double[] equalWidthEdges(double min, double max, int bins) {
    checkRange(1, min, max);
    if (bins < 1) {
      throw new IllegalArgumentException("Need at least one bin, got " + bins);
    }
    double first = min;
    double last = max;
    if (first == last) {
      first -= 0.5;
      last += 0.5;
    }
    double step = (last - first) / bins;
    double[] edges = new double[bins + 1];
    for (int i = 0; i < bins; i++) {
      edges[i] = step == 0 ? first + (i / (double) bins) * (last - first) : i * step + first;
    }
    edges[bins] = last;
    return edges;
  }

  /** Sturges edges over the finite values of both samples together (Evidently's numeric bins). */
  static double[] sturgesEdges(double[] sortedA, double[] sortedB) {
    double min = Math.min(sortedA[0], sortedB[0]);
    double max = Math.max(sortedA[sortedA.length - 1], sortedB[sortedB.length - 1]);
    long n = (long) sortedA.length + sortedB.length;
    return equalWidthEdges(min, max, sturgesBins(n, min, max));
  }

  /**
   * Counts per bin of any values (unsorted is fine), O(n) with one division per value.
   *
   * @throws IllegalArgumentException when fewer than two edges are given
   */
  public static long[] counts(double[] values, double[] edges) {
    int bins = edges.length - 1;
    if (bins < 1) {
      throw new IllegalArgumentException("Need at least two edges, got " + edges.length);
    }
    long[] counts = new long[bins];
    double first = edges[0];
    double last = edges[bins];
    double scale = bins / (last - first);
    for (double v : values) {
      if (!(v >= first && v <= last)) {
        continue;
      }
      int idx = (int) ((v - first) * scale);
      idx = Math.max(0, Math.min(idx, bins - 1));
      while (idx > 0 && v < edges[idx]) {
        idx--;
      }
      while (idx < bins - 1 && v >= edges[idx + 1]) {
        idx++;
      }
      counts[idx]++;
    }
    return counts;
  }

  /** Counts per bin of sorted values by binary search of each edge, O(bins log n). */
  static long[] countsSorted(double[] sorted, double[] edges) {
    int bins = edges.length - 1;
    long[] counts = new long[bins];
    int start = lowerBound(sorted, edges[0]);
    for (int i = 0; i < bins; i++) {
      int end = i == bins - 1 ? upperBound(sorted, edges[bins]) : lowerBound(sorted, edges[i + 1]);
      counts[i] = Math.max(0, end - start);
      start = Math.max(start, end);
    }
    return counts;
  }

  /** First index with {@code a[i] >= x}. */
  static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index with {@code a[i] > x}. */
  static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** {@code log2(n)}, exact for powers of two (where {@code ceil} would otherwise be fragile). */
  static double log2(long n) {
    if (Long.bitCount(n) == 1) {
      return Long.numberOfTrailingZeros(n);
    }
    return Math.log(n) / Math.log(2.0);
  }

  private static void checkRange(long n, double min, double max) {
    if (n < 1 || !Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException(
          "Need n >= 1 and a finite range min <= max, got n=" + n + ", [" + min + ", " + max + "]");
    }
  }
}
