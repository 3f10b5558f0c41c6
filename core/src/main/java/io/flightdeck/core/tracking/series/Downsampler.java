package io.flightdeck.core.tracking.series;

import java.util.Arrays;

/**
 * Reduces a long series to about {@code 2 × buckets} points without hiding spikes (min/max per
 * bucket, as W&B does, rather than sampling every n-th point). Stateless and thread-safe; one pass,
 * allocating only the output.
 */
public final class Downsampler {
  private Downsampler() {}

  /**
   * Splits the x range into {@code buckets} equal buckets and keeps, per bucket, the point with the
   * smallest and the one with the largest y, in x order; the first and last point of every unbroken
   * stretch are kept too, so the line starts and ends where the data does. A point whose y is NaN
   * or infinite breaks the line: the output has one point with NaN y at the x of the first such
   * point of each broken stretch. Points with a non-finite x are dropped. A series already short
   * enough (at most {@code 2 × buckets + 2} points) comes back point for point, gaps made NaN.
   *
   * @param x non-decreasing x values (steps or times); if not sorted the result is still correct
   *     but longer
   * @param y the values, same length as x
   * @param buckets at least 1
   * @return a new series; the inputs are not changed
   * @throws IllegalArgumentException when the lengths differ or buckets is below 1
   */
  public static Series minMax(double[] x, double[] y, int buckets) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " points, y has " + y.length);
    }
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be at least 1, not " + buckets);
    }
    int n = x.length;
    Out out = new Out(Math.min(n, 2 * buckets + 16));
    if (n <= 2L * buckets + 2) {
      boolean inGap = false;
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(x[i])) {
          continue;
        }
        boolean bad = !Double.isFinite(y[i]);
        if (!bad || !inGap) {
          out.add(x[i], bad ? Double.NaN : y[i]);
        }
        inGap = bad;
      }
      return out.series();
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double scale = hi > lo ? buckets / (hi - lo) : 0;
    int bucket = -1;
    int first = -1; // first point of the stretch, while it sits in the current bucket
    int min = -1;
    int max = -1;
    int last = -1;
    boolean inGap = false;
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      if (!Double.isFinite(xi)) {
        continue;
      }
      double yi = y[i];
      if (!Double.isFinite(yi)) {
        if (min >= 0) {
          flush(out, x, y, first, min, max, last, true);
          min = -1;
        }
        if (!inGap) {
          out.add(xi, Double.NaN);
          inGap = true;
        }
        continue;
      }
      int b = Math.min(buckets - 1, (int) ((xi - lo) * scale));
      if (min >= 0 && b != bucket) {
        flush(out, x, y, first, min, max, last, false);
        min = -1;
      }
      if (min < 0) {
        bucket = b;
        first = inGap || out.size == 0 ? i : -1;
        min = i;
        max = i;
        inGap = false;
      } else {
        if (yi < y[min]) {
          min = i;
        }
        if (yi > y[max]) {
          max = i;
        }
      }
      last = i;
    }
    if (min >= 0) {
      flush(out, x, y, first, min, max, last, true);
    }
    return out.series();
  }

  /** Adds the kept points of one bucket in index order, each once. */
  private static void flush(
      Out out, double[] x, double[] y, int first, int min, int max, int last, boolean withLast) {
    int a = Math.min(min, max);
    int b = Math.max(min, max);
    int prev = -1;
    if (first >= 0 && first < a) {
      out.add(x[first], y[first]);
      prev = first;
    }
    if (a != prev) {
      out.add(x[a], y[a]);
      prev = a;
    }
    if (b != prev) {
      out.add(x[b], y[b]);
      prev = b;
    }
    if (withLast && last > prev) {
      out.add(x[last], y[last]);
    }
  }

  /** A growable pair of primitive arrays. */
  private static final class Out {
    double[] x;
    double[] y;
    int size;

    Out(int capacity) {
      x = new double[Math.max(capacity, 4)];
      y = new double[x.length];
    }

    void add(double xv, double yv) {
      if (size == x.length) {
        x = Arrays.copyOf(x, size * 2);
        y = Arrays.copyOf(y, size * 2);
      }
      x[size] = xv;
      y[size++] = yv;
    }

    Series series() {
      return new Series(Arrays.copyOf(x, size), Arrays.copyOf(y, size));
    }
  }
}
