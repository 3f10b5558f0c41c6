package io.flightdeck.core.stats;

/**
 * The standard normal distribution and the error functions, ported from Cephes {@code ndtr.c} (as
 * used by SciPy's {@code scipy.special.ndtr}, {@code erf} and {@code erfc}). Relative error about
 * 1e-15 for {@link #erf}, up to about 6e-14 for {@link #erfc} in the far tail (Cephes' own
 * figures).
 *
 * <p>Stateless and thread-safe. NaN arguments give NaN; nothing throws.
 */
public final class NormalDistribution {
  private static final double SQRT1_2 = 0.70710678118654752440;
  private static final double MAXLOG = 7.09782712893383996843e2;

  private static final double[] P = {
    2.46196981473530512524e-10, 5.64189564831068821977e-1, 7.46321056442269912687e0,
    4.86371970985681366614e1, 1.96520832956077098242e2, 5.26445194995477358631e2,
    9.34528527171957607540e2, 1.02755188689515710272e3, 5.57535335369399327526e2
  };
  private static final double[] Q = {
    1.32281951154744992508e1, 8.67072140885989742329e1, 3.54937778887819891062e2,
    9.75708501743205489753e2, 1.82390916687909736289e3, 2.24633760818710981792e3,
    1.65666309194161350182e3, 5.57535340817727675546e2
  };
  private static final double[] R = {
    5.64189583547755073984e-1, 1.27536670759978104416e0, 5.01905042251180477414e0,
    6.16021097993053585195e0, 7.40974269950448939160e0, 2.97886665372100240670e0
  };
  private static final double[] S = {
    2.26052863220117276590e0, 9.39603524938001434673e0, 1.20489539808096656605e1,
    1.70814450747565897222e1, 9.60896809063285878198e0, 3.36907645100081516050e0
  };
  private static final double[] T = {
    9.60497373987051638749e0,
    9.00260197203842689217e1,
    2.23200534594684319226e3,
    7.00332514112805075473e3,
    5.55923013010394962768e4
  };
  private static final double[] U = {
    3.35617141647503099647e1,
    5.21357949780152679795e2,
    4.59432382970980127987e3,
    2.26290000613890934246e4,
    4.92673942608635921086e4
  };

  private NormalDistribution() {}

  /** Standard normal CDF, {@code P(Z <= x)}; equals {@code scipy.stats.norm.cdf(x)}. */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double t = x * SQRT1_2;
    double z = Math.abs(t);
    if (z < SQRT1_2) {
      return 0.5 + 0.5 * erf(t);
    }
    double y = 0.5 * erfc(z);
    return t > 0 ? 1.0 - y : y;
  }

  /**
   * Standard normal survival function {@code P(Z > x) = cdf(-x)}, accurate in the upper tail (it
   * does not lose digits the way {@code 1 - cdf(x)} does).
   */
  public static double sf(double x) {
    return cdf(-x);
  }

  /** The error function. */
  public static double erf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0.0) {
      return -erf(-x);
    }
    if (x > 1.0) {
      return 1.0 - erfc(x);
    }
    double z = x * x;
    return x * polevl(z, T) / p1evl(z, U);
  }

  /** The complementary error function {@code 1 - erf(x)}, accurate for large x. */
  public static double erfc(double a) {
    if (Double.isNaN(a)) {
      return Double.NaN;
    }
    double x = Math.abs(a);
    if (x < 1.0) {
      return 1.0 - erf(a);
    }
    double z = -a * a;
    if (z < -MAXLOG) {
      return a < 0 ? 2.0 : 0.0;
    }
    z = Math.exp(z);
    double p;
    double q;
    if (x < 8.0) {
      p = polevl(x, P);
      q = p1evl(x, Q);
    } else {
      p = polevl(x, R);
      q = p1evl(x, S);
    }
    double y = (z * p) / q;
    if (a < 0) {
      y = 2.0 - y;
    }
    if (y == 0.0) {
      return a < 0 ? 2.0 : 0.0;
    }
    return y;
  }

  /** Horner evaluation, coefficients highest degree first (Cephes {@code polevl}). */
  static double polevl(double x, double[] coef) {
    double ans = coef[0];
    for (int i = 1; i < coef.length; i++) {
      ans = ans * x + coef[i];
    }
    return ans;
  }

  /** Like {@link #polevl} with an implied leading coefficient 1 (Cephes {@code p1evl}). */
  static double p1evl(double x, double[] coef) {
    double ans = x + coef[0];
    for (int i = 1; i < coef.length; i++) {
      ans = ans * x + coef[i];
    }
    return ans;
  }
}
