package io.flightdeck.core.stats;

/**
 * Distinct count of 64-bit hashes: exact (a hash set) up to a bound, then a {@link HyperLogLog}.
 * Memory: at most ~16 bytes per value up to the bound, then 16 KiB. Not thread-safe.
 */
final class DistinctCounter {
  private final int exactLimit;
  private LongHashSet exact = new LongHashSet();
  private HyperLogLog sketch;

  DistinctCounter(int exactLimit) {
    this.exactLimit = exactLimit;
  }

  void add(long hash) {
    if (exact != null) {
      exact.add(hash);
      if (exact.size() > exactLimit) {
        toSketch();
      }
    } else {
      sketch.add(hash);
    }
  }

  void merge(DistinctCounter other) {
    if (other.exact != null) {
      other.exact.forEach(this::add);
      return;
    }
    if (exact != null) {
      toSketch();
    }
    sketch.merge(other.sketch);
  }

  boolean isExact() {
    return exact != null;
  }

  long count() {
    return exact != null ? exact.size() : Math.round(sketch.estimate());
  }

  private void toSketch() {
    sketch = new HyperLogLog();
    exact.forEach(sketch::add);
    exact = null;
  }
}
