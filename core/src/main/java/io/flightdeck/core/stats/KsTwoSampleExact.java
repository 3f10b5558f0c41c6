package io.flightdeck.core.stats;

/**
 * Exact two-sided p-value of the two-sample KS statistic {@code D = h / lcm(n1, n2)}: ports of
 * SciPy's {@code _compute_prob_outside_square} (equal sizes) and {@code
 * _compute_outer_prob_inside_method} (Hodges' inside method with Viehmann's recursion for 1 - p).
 * Time O(n) for equal sizes, O(n1 * window) otherwise. Stateless and thread-safe.
 */
final class KsTwoSampleExact {
  private KsTwoSampleExact() {}

  /** {@code P(D >= h / lcm)}; may return a value outside [0, 1] or NaN when it fails. */
  static double pValue(int n1, int n2, long h) {
    if (n1 == n2) {
      return probOutsideSquare(n1, h);
    }
    long g = gcd(n1, n2);
    return outerProbInside(n1, n2, g, h);
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** {@code P(D_{n,n} >= h/n)} by a Horner-like alternating sum of binomial ratios. */
  static double probOutsideSquare(long n, long h) {
    double p = 0.0;
    long k = (long) Math.floor((double) n / h);
    while (k >= 0) {
      double p1 = 1.0;
      for (long j = 0; j < h; j++) {
        p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
      }
      p = p1 * (1.0 - p);
      k -= 1;
    }
    return 2 * p;
  }

  /** Proportion of lattice paths (0,0) to (m,n) that leave the band {@code |x/m - y/n| < h/lcm}. */
  static double outerProbInside(long m, long n, long g, long h) {
    if (m < n) {
      long t = m;
      m = n;
      n = t;
    }
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
    int curlen = maxj - minj;
    int lenA = (int) Math.min(2L * maxj + 2, n + 1);
    double[] a = new double[lenA];
    java.util.Arrays.fill(a, 1.0);
    for (int j = minj; j < maxj; j++) {
      a[j] = 0.0;
    }
    for (long i = 1; i <= m; i++) {
      int lastminj = minj;
      int lastlen = curlen;
      minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
      minj = (int) Math.min(minj, n);
      maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        int j = jj + minj;
        val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
        a[jj] = val;
      }
      curlen = maxj - minj;
      if (lastlen > curlen) {
        java.util.Arrays.fill(a, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)), 1);
      }
    }
    return a[maxj - minj - 1];
  }
}
