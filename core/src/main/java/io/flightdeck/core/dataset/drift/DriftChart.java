package io.flightdeck.core.dataset.drift;

import java.util.List;

/**
 * What a reference-vs-current chart of one column shows.
 *
 * @param edges for numbers: the shared bin edges (one more than the counts; Sturges' rule over both
 *     samples, as Evidently); empty for categories
 * @param categories for categories: the labels, most frequent first (the rest summed as {@code
 *     (other)}); empty for numbers
 * @param reference counts per bin or category in the reference
 * @param current counts in the current version
 */
public record DriftChart(
    List<Double> edges, List<String> categories, List<Long> reference, List<Long> current) {
  /** Copies the lists. */
  public DriftChart {
    edges = List.copyOf(edges);
    categories = List.copyOf(categories);
    reference = List.copyOf(reference);
    current = List.copyOf(current);
  }

  /** Whether this is a numeric histogram. */
  public boolean numeric() {
    return !edges.isEmpty();
  }
}
