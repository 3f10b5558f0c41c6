package io.flightdeck.core.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the count maps the categorical drift tests take. {@code null} labels and non-finite
 * numbers are missing values: not counted (the caller counts them if it needs to). Numeric keys
 * normalize {@code -0.0} to {@code 0.0} so that equal numbers share a bin. Stateless; the returned
 * maps are new, mutable {@link HashMap}s owned by the caller.
 */
public final class CategoryCounts {
  private CategoryCounts() {}

  /** Counts of each non-null label. */
  public static Map<String, Long> of(String[] labels) {
    Map<String, Long> counts = new HashMap<>();
    for (String s : labels) {
      if (s != null) {
        counts.merge(s, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Counts of each non-null label. */
  public static Map<String, Long> of(Iterable<String> labels) {
    Map<String, Long> counts = new HashMap<>();
    for (String s : labels) {
      if (s != null) {
        counts.merge(s, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** Counts of each distinct finite value. */
  public static Map<Double, Long> ofValues(double[] values) {
    Map<Double, Long> counts = new HashMap<>();
    for (double v : values) {
      if (Double.isFinite(v)) {
        counts.merge(v == 0 ? 0.0 : v, 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * Sum of the counts.
   *
   * @throws IllegalArgumentException when a count is negative or the sum is 0; the message names
   *     {@code label}
   */
  static long total(Map<?, Long> counts, String label) {
    long total = 0;
    for (Map.Entry<?, Long> e : counts.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException(
            label + " count of '" + e.getKey() + "' must be >= 0, got " + e.getValue());
      }
      total += e.getValue();
    }
    if (total == 0) {
      throw new IllegalArgumentException(
          label + " sample is empty (no non-missing value); a drift test needs at least one");
    }
    return total;
  }
}
