package io.flightdeck.core.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streaming profile of a categorical column in one pass and bounded memory: exact counts of every
 * label while there are at most {@code exactDistinctLimit} of them (the labels are kept), then a
 * HyperLogLog for the distinct count and a Misra-Gries summary of {@code heavyHitterCapacity}
 * counters for the top labels (see {@link ProfilerLimits}). {@code null} is a missing value.
 *
 * <p>Not thread-safe: feed one profiler per thread and {@link #merge} them. {@link #profile()} does
 * not change the profiler.
 */
public final class CategoricalProfiler {
  private final ProfilerLimits limits;
  private long count;
  private long missing;
  private Map<String, long[]> exact = new HashMap<>();
  private DistinctCounter distinct;
  private MisraGries heavy;

  /** Default limits. */
  public CategoricalProfiler() {
    this(ProfilerLimits.DEFAULT);
  }

  /** Custom limits. */
  public CategoricalProfiler(ProfilerLimits limits) {
    this.limits = limits;
  }

  /** Adds one label; {@code null} counts as missing. */
  public void accept(String value) {
    count++;
    if (value == null) {
      missing++;
      return;
    }
    add(value, 1);
  }

  /** Adds every label of the array. */
  public void acceptAll(String[] values) {
    for (String v : values) {
      accept(v);
    }
  }

  /** Adds everything {@code other} has seen; {@code other} is not changed. */
  public void merge(CategoricalProfiler other) {
    count += other.count;
    missing += other.missing;
    if (other.exact != null) {
      other.exact.forEach((k, c) -> add(k, c[0]));
      return;
    }
    if (exact != null) {
      toSketch();
    }
    distinct.merge(other.distinct);
    heavy.merge(other.heavy);
  }

  /** Exact counts per label while the column is within the exact limit; a new map each call. */
  public Optional<Map<String, Long>> exactCounts() {
    if (exact == null) {
      return Optional.empty();
    }
    Map<String, Long> out = new HashMap<>();
    exact.forEach((k, c) -> out.put(k, c[0]));
    return Optional.of(out);
  }

  /** The profile so far; O(d log d) for d tracked labels. */
  public CategoricalProfile profile() {
    Map<String, long[]> source = exact != null ? exact : heavy.counters();
    List<CategoryCount> all = new ArrayList<>(source.size());
    source.forEach((k, c) -> all.add(new CategoryCount(k, c[0])));
    all.sort(
        Comparator.comparingLong(CategoryCount::count)
            .reversed()
            .thenComparing(CategoryCount::value));
    List<CategoryCount> top = all.subList(0, Math.min(limits.topK(), all.size()));
    if (exact != null) {
      return new CategoricalProfile(count, missing, exact.size(), true, top, true, 0);
    }
    return new CategoricalProfile(
        count, missing, distinct.count(), false, top, false, heavy.maxError());
  }

  private void add(String value, long weight) {
    if (exact != null) {
      long[] c = exact.get(value);
      if (c != null) {
        c[0] += weight;
        return;
      }
      exact.put(value, new long[] {weight});
      if (exact.size() > limits.exactDistinctLimit()) {
        toSketch();
      }
      return;
    }
    distinct.add(Hashing.hash(value));
    heavy.add(value, weight);
  }

  private void toSketch() {
    distinct = new DistinctCounter(0);
    heavy = new MisraGries(limits.heavyHitterCapacity());
    Map<String, long[]> old = exact;
    exact = null;
    old.forEach(
        (k, c) -> {
          distinct.add(Hashing.hash(k));
          heavy.add(k, c[0]);
        });
  }
}
