package io.flightdeck.core.stats;

/**
 * Distances and divergences between two discrete distributions given as shares per bin (see {@link
 * BinnedShares}): Jensen-Shannon distance ({@code scipy.spatial.distance.jensenshannon}),
 * Kullback-Leibler divergence ({@code scipy.stats.entropy(p, q)}) and the population stability
 * index. Inputs need not sum to 1 (JS and KL normalize them as SciPy does; PSI uses them as given,
 * as Evidently does). Stateless and thread-safe; every method throws {@link
 * IllegalArgumentException} for arrays of different or zero length, negative or NaN entries, or a
 * zero total.
 */
public final class Divergences {
  private Divergences() {}

  /** Jensen-Shannon distance with natural logarithms (SciPy's default), in [0, sqrt(ln 2)]. */
  public static double jensenShannon(double[] p, double[] q) {
    return Math.sqrt(jensenShannonSum(p, q) / 2.0);
  }

  /** {@code KL(p || m) + KL(q || m)} in nats, m the mean distribution. */
  private static double jensenShannonSum(double[] p, double[] q) {
    check(p, q);
    double[] pn = normalized(p);
    double[] qn = normalized(q);
    Summation left = new Summation();
    Summation right = new Summation();
    for (int i = 0; i < pn.length; i++) {
      double m = (pn[i] + qn[i]) / 2.0;
      left.add(relativeEntropy(pn[i], m));
      right.add(relativeEntropy(qn[i], m));
    }
    return Math.max(left.value() + right.value(), 0.0);
  }

  /**
   * Jensen-Shannon distance with logarithms to {@code base} (Evidently passes 2 in some versions);
   * equals {@code jensenShannon(p, q) / sqrt(ln base)}.
   */
  public static double jensenShannon(double[] p, double[] q, double base) {
    if (!(base > 0) || base == 1) {
      throw new IllegalArgumentException("Logarithm base must be positive and not 1, got " + base);
    }
    return Math.sqrt(jensenShannonSum(p, q) / Math.log(base) / 2.0);
  }

  /**
   * {@code KL(p || q) = sum p log(p / q)} after normalizing both; {@code +inf} where {@code q} is 0
   * and {@code p} is not (fill empty bins first, see {@link BinnedShares#withEmptyBinsFilled()}).
   */
  public static double klDivergence(double[] p, double[] q) {
    check(p, q);
    double[] pn = normalized(p);
    double[] qn = normalized(q);
    Summation s = new Summation();
    for (int i = 0; i < pn.length; i++) {
      double term = relativeEntropy(pn[i], qn[i]);
      if (term == Double.POSITIVE_INFINITY) {
        return term;
      }
      s.add(term);
    }
    return s.value();
  }

  /**
   * Population stability index {@code sum (p - q) ln(p / q)} over the shares as given; a zero share
   * on either side gives {@code +inf} (fill empty bins first). 0.1 is moderate, 0.25 major drift.
   */
  public static double psi(double[] p, double[] q) {
    check(p, q);
    Summation s = new Summation();
    for (int i = 0; i < p.length; i++) {
      if (p[i] == q[i]) {
        continue;
      }
      if (p[i] == 0 || q[i] == 0) {
        return Double.POSITIVE_INFINITY;
      }
      s.add((p[i] - q[i]) * Math.log(p[i] / q[i]));
    }
    return s.value();
  }

  /** SciPy's {@code rel_entr}: {@code x log(x/y)}, 0 when x is 0, +inf when only y is 0. */
  static double relativeEntropy(double x, double y) {
    if (x > 0 && y > 0) {
      return x * Math.log(x / y);
    }
    if (x == 0 && y >= 0) {
      return 0.0;
    }
    return Double.POSITIVE_INFINITY;
  }

  private static double[] normalized(double[] a) {
    double total = Summation.sum(a);
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] / total;
    }
    return out;
  }

  private static void check(double[] p, double[] q) {
    if (p.length != q.length || p.length == 0) {
      throw new IllegalArgumentException(
          "Need two share arrays of the same, non-zero length, got " + p.length + ", " + q.length);
    }
    for (double[] a : new double[][] {p, q}) {
      double total = 0;
      for (double v : a) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException("Shares must be finite and >= 0, got " + v);
        }
        total += v;
      }
      if (total == 0) {
        throw new IllegalArgumentException("Shares must not all be zero");
      }
    }
  }
}
