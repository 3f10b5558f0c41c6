package io.flightdeck.views.runs;

/**
 * An entry of the experiments list.
 *
 * @param id the experiment id; null for "All runs"
 * @param name the experiment's name
 * @param runs how many runs it has
 */
public record ExperimentItem(Long id, String name, int runs) {
  @Override
  public String toString() {
    return name + " (" + runs + ")";
  }
}
