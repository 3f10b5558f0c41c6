package io.flightdeck.core.stats;

/**
 * Binomial probabilities by Loader's saddle-point method ("Fast and accurate computation of
 * binomial probabilities", 2000), the algorithm behind R's {@code dbinom}: {@code stirlerr} and the
 * deviance term {@code bd0} avoid the cancellation of {@code log C(n,v) + v log p + ...}, so a
 * density keeps about 13 significant digits even for n = 10^6. Stateless and thread-safe.
 */
final class BinomialTerms {
  private static final double LN_2PI = Math.log(2 * Math.PI);
  private static final double S0 = 1.0 / 12;
  private static final double S1 = 1.0 / 360;
  private static final double S2 = 1.0 / 1260;
  private static final double S3 = 1.0 / 1680;
  private static final double S4 = 1.0 / 1188;

  /** stirlerr(k) = log(k!) - log(sqrt(2 pi k) (k/e)^k), k = 0..15 (from mpmath, 40 digits). */
  private static final double[] STIRLERR = {
    0.0,
    0.08106146679532726,
    0.0413406959554093,
    0.02767792568499834,
    0.020790672103765093,
    0.016644691189821193,
    0.013876128823070748,
    0.01189670994589177,
    0.010411265261972096,
    0.009255462182712733,
    0.00833056343336287,
    0.007573675487951841,
    0.00694284010720953,
    0.006408994188004207,
    0.0059513701127588475,
    0.005554733551962801
  };

  private BinomialTerms() {}

  /**
   * {@code C(n,v) p^v q^(n-v)} for {@code 0 < v < n}, given {@code np = n p}, {@code nq = n q} and
   * {@code shift = np - v = (n - v) - nq} (passed separately so that it stays exact).
   */
  static double density(int v, int n, double np, double nq, double shift) {
    double lc =
        stirlerr(n) - stirlerr(v) - stirlerr(n - v) - bd0(v, np, -shift) - bd0(n - v, nq, shift);
    double lf = LN_2PI + Math.log(v) + Math.log1p(-(double) v / n);
    return Math.exp(lc - 0.5 * lf);
  }

  /** {@code log(k!) - log(sqrt(2 pi k) (k/e)^k)}. */
  static double stirlerr(int k) {
    if (k <= 15) {
      return STIRLERR[k];
    }
    double n = k;
    double nn = n * n;
    if (n > 500) {
      return (S0 - S1 / nn) / n;
    }
    if (n > 80) {
      return (S0 - (S1 - S2 / nn) / nn) / n;
    }
    if (n > 35) {
      return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
    }
    return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
  }

  /** Deviance {@code x log(x/m) + m - x}, given {@code d = x - m} exactly. */
  static double bd0(double x, double m, double d) {
    if (Math.abs(d) < 0.1 * (x + m)) {
      double v = d / (x + m);
      double s = d * v;
      if (Math.abs(s) < Double.MIN_NORMAL) {
        return s;
      }
      double ej = 2 * x * v;
      v *= v;
      for (int j = 1; j < 1000; j++) {
        ej *= v;
        double s1 = s + ej / ((j << 1) + 1);
        if (s1 == s) {
          return s1;
        }
        s = s1;
      }
    }
    return -x * Math.log1p(-d / x) - d;
  }
}
