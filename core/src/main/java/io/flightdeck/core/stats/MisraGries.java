package io.flightdeck.core.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Misra-Gries heavy-hitter summary with at most {@code capacity} counters. When full, every count
 * is lowered by the ({@code capacity/2 + 1})-th largest one and non-positive counters are dropped
 * (amortized O(log capacity) per value). Each estimate undercounts by at most {@link #maxError()},
 * itself at most {@code 2n / capacity}. Mergeable (Agarwal et al. 2012). Not thread-safe.
 */
final class MisraGries {
  private final int capacity;
  private final Map<String, long[]> counters = new HashMap<>();
  private long maxError;

  MisraGries(int capacity) {
    this.capacity = capacity;
  }

  void add(String key, long weight) {
    long[] c = counters.get(key);
    if (c != null) {
      c[0] += weight;
      return;
    }
    counters.put(key, new long[] {weight});
    if (counters.size() > capacity) {
      reduce();
    }
  }

  void merge(MisraGries other) {
    other.counters.forEach((k, c) -> counters.computeIfAbsent(k, x -> new long[1])[0] += c[0]);
    maxError += other.maxError;
    if (counters.size() > capacity) {
      reduce();
    }
  }

  /** Estimated counts (lower bounds), live view; do not modify. */
  Map<String, long[]> counters() {
    return counters;
  }

  /** Largest possible undercount of any estimate. */
  long maxError() {
    return maxError;
  }

  private void reduce() {
    long[] counts = counters.values().stream().mapToLong(c -> c[0]).toArray();
    Arrays.sort(counts);
    long cut = counts[counts.length - 1 - capacity / 2];
    counters.values().forEach(c -> c[0] -= cut);
    counters.values().removeIf(c -> c[0] <= 0);
    maxError += cut;
  }
}
