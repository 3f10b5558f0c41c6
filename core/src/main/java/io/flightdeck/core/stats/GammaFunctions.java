package io.flightdeck.core.stats;

/**
 * Log-gamma and the regularized incomplete gamma functions, with the chi-square survival function
 * built on them. Power series and continued fraction as in Cephes {@code igam.c}; the prefactor
 * {@code x^a e^-x / Gamma(a)} uses Boost's Lanczos approximation (N=13, g=6.0247) as SciPy does, so
 * that it keeps its precision for large {@code a}. Against SciPy 1.10: relative error within 2e-12
 * for the tested range (a up to 2000, tails down to 1e-269); in the worst case SciPy itself is the
 * one further from mpmath.
 *
 * <p>Stateless and thread-safe.
 */
public final class GammaFunctions {
  static final double LANCZOS_G = 6.024680040776729583740234375;
  private static final double MACHEP = 1.11022302462515654042e-16;
  private static final double MAXLOG = 7.09782712893383996843e2;
  private static final double BIG = 4.503599627370496e15;
  private static final double BIGINV = 2.22044604925031308085e-16;
  private static final int MAXITER = 200_000;

  private static final double[] LANCZOS_NUM = {
    0.006061842346248906525783753964555936883222, 0.5098416655656676188125178644804694509993,
    19.51992788247617482847860966235652136208, 449.9445569063168119446858607650988409623,
    6955.999602515376140356310115515198987526, 75999.29304014542649875303443598909137092,
    601859.6171681098786670226533699352302507, 3481712.15498064590882071018964774556468,
    14605578.08768506808414169982791359218571, 43338889.32467613834773723740590533316085,
    86363131.28813859145546927288977868422342, 103794043.1163445451906271053616070238554,
    56906521.91347156388090791033559122686859
  };
  private static final double[] LANCZOS_DENOM = {
    1, 66, 1925, 32670, 357423, 2637558, 13339535, 45995730, 105258076, 150917976, 120543840,
    39916800, 0
  };

  private GammaFunctions() {}

  /**
   * {@code log(Gamma(x))} for {@code x > 0}.
   *
   * @throws IllegalArgumentException when x is not positive or is NaN
   */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    if (x < 1.0) {
      return logGamma(x + 1.0) - Math.log(x);
    }
    if (x == 1.0 || x == 2.0) {
      return 0.0;
    }
    return Math.log(lanczosSumExpgScaled(x)) + (x - 0.5) * (Math.log(x + LANCZOS_G - 0.5) - 1.0);
  }

  /**
   * Regularized lower incomplete gamma {@code P(a, x)} ({@code scipy.special.gammainc}).
   *
   * @throws IllegalArgumentException when {@code a <= 0}, {@code x < 0} or either is NaN
   */
  public static double regularizedGammaP(double a, double x) {
    check(a, x);
    if (x == 0) {
      return 0.0;
    }
    if (Double.isInfinite(x)) {
      return 1.0;
    }
    if (x > 1.0 && x > a) {
      return 1.0 - continuedFractionQ(a, x);
    }
    return seriesP(a, x);
  }

  /**
   * Regularized upper incomplete gamma {@code Q(a, x) = 1 - P(a, x)} ({@code
   * scipy.special.gammaincc}), accurate in the upper tail.
   *
   * @throws IllegalArgumentException when {@code a <= 0}, {@code x < 0} or either is NaN
   */
  public static double regularizedGammaQ(double a, double x) {
    check(a, x);
    if (x == 0) {
      return 1.0;
    }
    if (Double.isInfinite(x)) {
      return 0.0;
    }
    if (x < 1.0 || x < a) {
      return 1.0 - seriesP(a, x);
    }
    return continuedFractionQ(a, x);
  }

  /**
   * Chi-square survival function {@code P(X > x)} with {@code dof} degrees of freedom ({@code
   * scipy.stats.chi2.sf}). Returns 1 for {@code x <= 0} and 0 for {@code x = +inf}.
   *
   * @throws IllegalArgumentException when {@code dof <= 0} or x is NaN
   */
  public static double chiSquareSf(double x, double dof) {
    if (!(dof > 0) || Double.isNaN(x)) {
      throw new IllegalArgumentException("chiSquareSf needs dof > 0 and x not NaN, got " + dof);
    }
    return x <= 0 ? 1.0 : regularizedGammaQ(dof / 2.0, x / 2.0);
  }

  private static void check(double a, double x) {
    if (!(a > 0) || !(x >= 0)) {
      throw new IllegalArgumentException(
          "Incomplete gamma needs a > 0 and x >= 0, got a=" + a + ", x=" + x);
    }
  }

  /** DLMF 8.11.4 power series for P(a, x). */
  private static double seriesP(double a, double x) {
    double ax = prefactor(a, x);
    if (ax == 0.0) {
      return 0.0;
    }
    double r = a;
    double c = 1.0;
    double ans = 1.0;
    for (int i = 0; i < MAXITER; i++) {
      r += 1.0;
      c *= x / r;
      ans += c;
      if (c <= MACHEP * ans) {
        break;
      }
    }
    return ans * ax / a;
  }

  /** Continued fraction for Q(a, x), x > max(1, a) (Cephes igamc). */
  private static double continuedFractionQ(double a, double x) {
    double ax = prefactor(a, x);
    if (ax == 0.0) {
      return 0.0;
    }
    double y = 1.0 - a;
    double z = x + y + 1.0;
    double c = 0.0;
    double pkm2 = 1.0;
    double qkm2 = x;
    double pkm1 = x + 1.0;
    double qkm1 = z * x;
    double ans = pkm1 / qkm1;
    for (int i = 0; i < MAXITER; i++) {
      c += 1.0;
      y += 1.0;
      z += 2.0;
      double yc = y * c;
      double pk = pkm1 * z - pkm2 * yc;
      double qk = qkm1 * z - qkm2 * yc;
      double t = 1.0;
      if (qk != 0) {
        double r = pk / qk;
        t = Math.abs((ans - r) / r);
        ans = r;
      }
      pkm2 = pkm1;
      pkm1 = pk;
      qkm2 = qkm1;
      qkm1 = qk;
      if (Math.abs(pk) > BIG) {
        pkm2 *= BIGINV;
        pkm1 *= BIGINV;
        qkm2 *= BIGINV;
        qkm1 *= BIGINV;
      }
      if (t <= MACHEP) {
        break;
      }
    }
    return ans * ax;
  }

  /** {@code x^a e^-x / Gamma(a)}, SciPy's {@code igam_fac}. */
  static double prefactor(double a, double x) {
    if (Math.abs(a - x) > 0.4 * Math.abs(a)) {
      double ax = a * Math.log(x) - x - logGamma(a);
      return ax < -MAXLOG ? 0.0 : Math.exp(ax);
    }
    double fac = a + LANCZOS_G - 0.5;
    double res = Math.sqrt(fac / Math.E) / lanczosSumExpgScaled(a);
    if (a < 200 && x < 200) {
      res *= Math.exp(a - x) * Math.pow(x / fac, a);
    } else {
      double num = x - a - LANCZOS_G + 0.5;
      res *= Math.exp(a * log1pmx(num / fac) + x * (0.5 - LANCZOS_G) / fac);
    }
    return res;
  }

  /** {@code log(1 + x) - x} without cancellation for small x. */
  static double log1pmx(double x) {
    if (Math.abs(x) < 0.5) {
      double xfac = x;
      double res = 0;
      for (int n = 2; n < 500; n++) {
        xfac *= -x;
        double term = xfac / n;
        res += term;
        if (Math.abs(term) < MACHEP * Math.abs(res)) {
          break;
        }
      }
      return res;
    }
    return Math.log1p(x) - x;
  }

  /** Boost's {@code lanczos_sum_expg_scaled}: a rational function evaluated stably for x > 1. */
  static double lanczosSumExpgScaled(double x) {
    int last = LANCZOS_NUM.length - 1;
    double num;
    double den;
    if (Math.abs(x) <= 1) {
      num = NormalDistribution.polevl(x, LANCZOS_NUM);
      den = NormalDistribution.polevl(x, LANCZOS_DENOM);
    } else {
      double y = 1 / x;
      num = LANCZOS_NUM[last];
      den = LANCZOS_DENOM[last];
      for (int i = last - 1; i >= 0; i--) {
        num = num * y + LANCZOS_NUM[i];
        den = den * y + LANCZOS_DENOM[i];
      }
    }
    return num / den;
  }
}
