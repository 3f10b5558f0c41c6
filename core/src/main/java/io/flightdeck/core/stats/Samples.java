package io.flightdeck.core.stats;

import java.util.Arrays;

/** Helpers shared by the numeric drift tests: NaN/infinity filtering, sorting, distinct counts. */
final class Samples {
  /** Above this size sorting uses {@link Arrays#parallelSort(double[])}. */
  private static final int PARALLEL_SORT_MIN = 1 << 16;

  private Samples() {}

  /**
   * The finite values of {@code raw}, in their original order, in a new array.
   *
   * @throws IllegalArgumentException when no finite value is left; the message names {@code label}
   *     and says how many NaN and infinite values were dropped
   */
  static double[] finite(double[] raw, String label) {
    if (raw == null) {
      throw new IllegalArgumentException(label + " sample is null");
    }
    double[] out = new double[raw.length];
    int n = 0;
    for (double v : raw) {
      if (Double.isFinite(v)) {
        out[n++] = v;
      }
    }
    if (n == 0) {
      long nan = Arrays.stream(raw).filter(Double::isNaN).count();
      throw new IllegalArgumentException(
          label
              + " sample is empty after dropping NaN and infinite values ("
              + raw.length
              + " values: "
              + nan
              + " NaN, "
              + (raw.length - nan)
              + " infinite); a drift test needs at least one finite value on each side");
    }
    return n == raw.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * {@link #finite} then sorted ascending ({@code -0.0} sorts before {@code 0.0}, equal values).
   */
  static double[] finiteSorted(double[] raw, String label) {
    double[] a = finite(raw, label);
    sort(a);
    return a;
  }

  static void sort(double[] a) {
    if (a.length >= PARALLEL_SORT_MIN) {
      Arrays.parallelSort(a);
    } else {
      Arrays.sort(a);
    }
  }

  /** Number of NaN or infinite values. */
  static long nonFinite(double[] raw) {
    long n = 0;
    for (double v : raw) {
      if (!Double.isFinite(v)) {
        n++;
      }
    }
    return n;
  }

  /** Distinct values of a sorted array ({@code -0.0 == 0.0}). */
  static int distinctSorted(double[] sorted) {
    int d = sorted.length == 0 ? 0 : 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[i - 1]) {
        d++;
      }
    }
    return d;
  }

  /** Distinct values over the union of two sorted arrays. */
  static int distinctUnionSorted(double[] a, double[] b) {
    int i = 0;
    int j = 0;
    int d = 0;
    while (i < a.length || j < b.length) {
      double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
      while (i < a.length && a[i] == v) {
        i++;
      }
      while (j < b.length && b[j] == v) {
        j++;
      }
      d++;
    }
    return d;
  }

  /** Population standard deviation (ddof = 0), two-pass as {@code numpy.std}. */
  static double populationStd(double[] a) {
    double mean = Summation.sum(a) / a.length;
    Summation s = new Summation();
    for (double v : a) {
      double d = v - mean;
      s.add(d * d);
    }
    return Math.sqrt(s.value() / a.length);
  }
}
