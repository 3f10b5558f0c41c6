package io.flightdeck.core.stats;

/**
 * HyperLogLog distinct-count sketch over 64-bit hashes, 2^14 registers (16 KiB), standard error
 * about 0.8 %. The estimate uses Ertl's improved estimator ("New cardinality estimation algorithms
 * for HyperLogLog sketches", 2017), which needs no empirical bias tables and is accurate from small
 * to huge cardinalities. Mergeable (register-wise max). Not thread-safe.
 */
final class HyperLogLog {
  static final int P = 14;
  private static final int M = 1 << P;
  private static final int Q = 64 - P;
  private final byte[] registers = new byte[M];

  void add(long hash) {
    int index = (int) (hash >>> Q);
    long w = hash << P;
    int rho = w == 0 ? Q + 1 : Math.min(Long.numberOfLeadingZeros(w), Q) + 1;
    if (rho > registers[index]) {
      registers[index] = (byte) rho;
    }
  }

  void merge(HyperLogLog other) {
    for (int i = 0; i < M; i++) {
      if (other.registers[i] > registers[i]) {
        registers[i] = other.registers[i];
      }
    }
  }

  /** The cardinality estimate. */
  double estimate() {
    int[] c = new int[Q + 2];
    for (byte r : registers) {
      c[r]++;
    }
    double z = M * tau(1.0 - (double) c[Q + 1] / M);
    for (int k = Q; k >= 1; k--) {
      z = 0.5 * (z + c[k]);
    }
    z += M * sigma((double) c[0] / M);
    return M / (2 * Math.log(2)) * M / z;
  }

  private static double sigma(double x) {
    if (x == 1.0) {
      return Double.POSITIVE_INFINITY;
    }
    double y = 1;
    double z = x;
    double prev;
    do {
      x *= x;
      prev = z;
      z += x * y;
      y += y;
    } while (z != prev);
    return z;
  }

  private static double tau(double x) {
    if (x == 0.0 || x == 1.0) {
      return 0.0;
    }
    double y = 1.0;
    double z = 1 - x;
    double prev;
    do {
      x = Math.sqrt(x);
      prev = z;
      y *= 0.5;
      z -= Math.pow(1 - x, 2) * y;
    } while (z != prev);
    return z / 3;
  }
}
