package io.flightdeck.core.stats;

/** Welford's running mean and variance, with Chan et al.'s merge. Not thread-safe. */
final class Welford {
  private long n;
  private double mean;
  private double m2;

  void add(double x) {
    n++;
    double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }

  void merge(Welford o) {
    if (o.n == 0) {
      return;
    }
    if (n == 0) {
      n = o.n;
      mean = o.mean;
      m2 = o.m2;
      return;
    }
    long total = n + o.n;
    double delta = o.mean - mean;
    mean += delta * o.n / total;
    m2 += o.m2 + delta * delta * ((double) n * o.n / total);
    n = total;
  }

  long count() {
    return n;
  }

  double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** Sample standard deviation (ddof = 1); NaN below two values. */
  double sampleStd() {
    return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
  }
}
