package io.flightdeck.core.stats;

/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic {@code D_n}: a port of
 * SciPy's {@code scipy.stats.kstwo.sf} ({@code _kolmogn} in {@code _ksstats.py}, after Simard and
 * L'Ecuyer 2011). It picks, by {@code n} and {@code n d^2}, between the Ruben-Gambino closed forms,
 * Durbin's matrix (Marsaglia-Tsang-Wang), Pomeranz's recursion, twice the one-sided Smirnov
 * probability and the Pelz-Good asymptotic series, exactly as SciPy does. The two-sample KS test
 * uses it with {@code n = round(n1 n2 / (n1 + n2))} in its asymptotic mode.
 *
 * <p>Stateless and thread-safe.
 */
final class KolmogorovDistribution {
  private static final double PI_SQUARED = Math.PI * Math.PI;
  private static final double PI_FOUR = PI_SQUARED * PI_SQUARED;
  private static final double PI_SIX = PI_FOUR * PI_SQUARED;
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double SQRT3 = Math.sqrt(3);
  private static final double MIN_LOG = -708;
  private static final double[] STIRLING_COEFFS = {
    -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
    8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
    -2.7777777777777777778e-3, 8.3333333333333333333e-2
  };

  private KolmogorovDistribution() {}

  /** {@code P(D_n >= x)}; {@code n >= 1}. */
  static double sf(int n, double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x >= 1.0) {
      return 0.0;
    }
    if (x <= 0.0) {
      return 1.0;
    }
    double t = n * x;
    if (t <= 1.0) { // Ruben-Gambino: 1/2n <= x <= 1/n
      if (t <= 0.5) {
        return 1.0;
      }
      double prob;
      if (n <= 140) {
        prob = 1.0;
        for (int i = 1; i <= n; i++) {
          prob *= i * (1.0 / n) * (2 * t - 1);
        }
      } else {
        prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
      }
      return clip(1.0 - prob);
    }
    if (t >= n - 1) { // Ruben-Gambino
      return clip(2 * Math.pow(1.0 - x, n));
    }
    if (x >= 0.5) {
      return clip(2 * SmirnovDistribution.sf(n, x));
    }
    double nxSquared = t * x;
    if (n <= 140) {
      if (nxSquared <= 0.754693) {
        return clip(1.0 - KolmogorovExactCdf.durbinMatrix(n, x));
      }
      if (nxSquared <= 4) {
        return clip(1.0 - KolmogorovExactCdf.pomeranz(n, x));
      }
      return clip(2 * SmirnovDistribution.sf(n, x));
    }
    if (nxSquared >= 370.0) {
      return 0.0;
    }
    if (nxSquared >= 2.2) {
      return clip(2 * SmirnovDistribution.sf(n, x));
    }
    double cdf;
    if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdf = KolmogorovExactCdf.durbinMatrix(n, x);
    } else {
      cdf = pelzGoodCdf(n, x);
    }
    return clip(1.0 - cdf);
  }

  /** {@code log(n! / n^n)} by Stirling's series with the {@code n log n} removed up front. */
  static double logFactorialOverPower(int n) {
    double rn = 1.0 / n;
    double z = rn / n;
    double poly = STIRLING_COEFFS[0];
    for (int i = 1; i < STIRLING_COEFFS.length; i++) {
      poly = poly * z + STIRLING_COEFFS[i];
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /** Pelz-Good approximation to {@code P(D_n <= x)} (unclipped, as SciPy returns it). */
  static double pelzGoodCdf(int n, double x) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double z = Math.sqrt(n) * x;
    double zsquared = z * z;
    double zthree = zsquared * z;
    double zfour = zsquared * zsquared;
    double zsix = zfour * zsquared;
    double qlog = -PI_SQUARED / 8 / zsquared;
    if (qlog < MIN_LOG) {
      return 0.0;
    }
    double q = Math.exp(qlog);
    double k1a = -zsquared;
    double k1b = PI_SQUARED / 4;
    double k2a = 6 * zsix + 2 * zfour;
    double k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
    double k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
    double k3d = PI_SIX * (5 - 30 * zsquared) / 64;
    double k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
    double k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
    double k3a = -30 * zsix - 90 * Math.pow(z, 8);
    double[] k = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int kk = maxk; kk > 0; kk--) {
      double m = 2 * kk - 1;
      double msquared = m * m;
      double mfour = msquared * msquared;
      double msix = mfour * msquared;
      double qpower = Math.pow(q, 8 * kk);
      double[] coeffs = {
        1.0,
        k1a + k1b * msquared,
        k2a + k2b * msquared + k2c * mfour,
        k3a + k3b * msquared + k3c * mfour + k3d * msix
      };
      for (int i = 0; i < 4; i++) {
        k[i] = k[i] * qpower + coeffs[i];
      }
    }
    double[] divisors = {z, 6 * zfour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      k[i] = k[i] * q * SQRT2PI / divisors[i];
    }
    double q2 = Math.exp(-PI_SQUARED / 2 / zsquared);
    double sqrt3z = SQRT3 * z;
    double k2extra = 0;
    double k3extra = 0;
    for (int kk = maxk; kk > 0; kk--) {
      double ksquared = (double) kk * kk;
      double qpwer = Math.pow(q2, ksquared);
      double kspi = Math.PI * kk;
      k2extra += ksquared * qpwer;
      k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer;
    }
    k[2] += k2extra * (PI_SQUARED * SQRT2PI / (-36 * zthree));
    k[3] += k3extra * (PI_SQUARED * SQRT2PI / (216 * zsix));
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += k[i] / Math.pow(n * 1.0, i / 2.0);
    }
    return sum;
  }

  static double clip(double p) {
    return p < 0.0 ? 0.0 : Math.min(p, 1.0);
  }
}
