package io.flightdeck.core.stats;

/**
 * Survival function of the one-sided one-sample KS statistic, {@code P(D+_n >= d)}, as {@code
 * scipy.special.smirnov(n, d)} computes it (Cephes {@code kolmogorov.c} after van Mulbregt 2018):
 * the same special cases, the same choice between the lower and upper Smirnov-Birnbaum-Tingey sums
 * and the same early stop. SciPy evaluates each term in double-double arithmetic; here each
 * lower-sum term {@code C(n,v) d (d+v/n)^(v-1) (1-d-v/n)^(n-v)} is written as a binomial
 * probability and evaluated with Loader's saddle-point method (as R's {@code dbinom} does), which
 * keeps about 13 significant digits for n up to 10^6. Stateless and thread-safe.
 */
final class SmirnovDistribution {
  private static final double MINLOG = -7.451332191019412076235e2;
  private static final double LN2 = Math.log(2);
  private static final int MAX_COMPUTE_N = 1_000_000;
  private static final double EPS = Math.ulp(1.0);

  private SmirnovDistribution() {}

  static double sf(int n, double x) {
    if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
      return Double.NaN;
    }
    if (n == 1) {
      return 1 - x;
    }
    if (x == 0.0) {
      return 1.0;
    }
    if (x == 1.0) {
      return 0.0;
    }
    // n * x exactly as hi + lo, then its floor and fractional part alpha.
    double nxHi = n * x;
    double nxLo = Math.fma(n, x, -nxHi);
    double fl = Math.floor(nxHi);
    double alpha = (nxHi - fl) + nxLo;
    if (alpha < 0) {
      fl -= 1;
      alpha += 1;
    } else if (alpha >= 1) {
      fl += 1;
      alpha -= 1;
    }
    int nxfl = (int) fl;
    int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
    int n1mxceil = n - nxfl;
    if (alpha == 0) {
      n1mxfl -= 1;
      n1mxceil += 1;
    }
    if (nxfl == 0 || (nxfl == 1 && alpha == 0)) { // x <= 1/n
      double t = Math.exp((n - 1) * Math.log1p(x));
      return 1 - x * t;
    }
    if (-2 * n * x * x < MINLOG) {
      return 0.0;
    }
    if (nxfl >= n - 1) {
      return Math.exp(n * Math.log1p(-x));
    }
    if (n > MAX_COMPUTE_N) {
      double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
      return logp < -LN2 ? Math.exp(logp) : 1 - (-Math.expm1(logp));
    }
    int nUpperTerms = n - n1mxceil + 1;
    boolean useUpperSum =
        (nUpperTerms <= 1 && x < 0.5) || (n >= 10 && nUpperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
    if (useUpperSum) {
      return 1 - x * upperSum(n, x, n1mxceil);
    }
    return x * lowerSum(n, nxHi, nxLo, x, n1mxfl + 1);
  }

  /** Sum of A_v for v = 0 .. nTerms-1, each as dbinom(v; n, p_v) / p_v with p_v = x + v/n. */
  private static double lowerSum(int n, double nxHi, double nxLo, double x, int nTerms) {
    double sum = Math.exp(n * Math.log1p(-x)) / x; // v = 0: (1-x)^n / x
    double comp = 0;
    int vmid = n / 2;
    for (int v = 1; v < nTerms; v++) {
      double np = (v + nxHi) + nxLo; // n * p_v
      double nq = ((n - v) - nxHi) - nxLo; // n * (1 - p_v)
      double a = BinomialTerms.density(v, n, np, nq, nxHi + nxLo) * n / np;
      if (a != 0) {
        double t = sum + a;
        comp += Math.abs(sum) >= Math.abs(a) ? (sum - t) + a : (a - t) + sum;
        sum = t;
        if (4.0 * (nTerms - v) * a < EPS * sum && v != nTerms - 1) {
          break;
        }
      } else if (v > vmid) {
        break;
      }
    }
    return sum + comp;
  }

  /** The alternating upper sum over v = n down to n1mxceil (at most three terms here). */
  private static double upperSum(int n, double x, int n1mxceil) {
    double sum = Math.exp((n - 1) * Math.log1p(x)); // v = n: (1 + x)^(n-1)
    double binom = 1.0;
    for (int v = n - 1; v >= n1mxceil; v--) {
      binom = binom * (v + 1) / (n - v); // C(n, v)
      double up = x + (double) v / n;
      double down = ((n - v) - n * x) / n; // 1 - x - v/n, negative here: the terms alternate
      sum += binom * Math.pow(up, v - 1) * Math.pow(down, n - v);
    }
    return sum;
  }
}
