package io.flightdeck.core.stats;

/** Neumaier (improved Kahan) compensated summation. Not thread-safe. */
final class Summation {
  private double sum;
  private double compensation;

  void add(double x) {
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      compensation += (sum - t) + x;
    } else {
      compensation += (x - t) + sum;
    }
    sum = t;
  }

  double value() {
    return sum + compensation;
  }

  static double sum(double[] values) {
    Summation s = new Summation();
    for (double v : values) {
      s.add(v);
    }
    return s.value();
  }
}
