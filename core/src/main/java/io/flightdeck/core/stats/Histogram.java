package io.flightdeck.core.stats;

import java.util.List;

/**
 * An equal-width histogram of the finite values of a column, bins as {@link Binning}.
 *
 * @param edges bin edges, one more than counts; empty when there are no finite values
 * @param counts values per bin (estimated from the sketch when not exact)
 * @param exact whether the counts are exact
 */
public record Histogram(List<Double> edges, List<Long> counts, boolean exact) {
  /** Copies the lists and checks that there is one more edge than counts (or none at all). */
  public Histogram {
    edges = List.copyOf(edges);
    counts = List.copyOf(counts);
    if (!(edges.isEmpty() && counts.isEmpty()) && edges.size() != counts.size() + 1) {
      throw new IllegalArgumentException(
          "Histogram needs one more edge than counts, got " + edges.size() + ", " + counts.size());
    }
  }

  /** A histogram with no bins (no finite values). */
  public static Histogram empty() {
    return new Histogram(List.of(), List.of(), true);
  }
}
