package io.flightdeck.views.models;

/**
 * A box of the lineage graph.
 *
 * @param id unique key ("dataset:weather:1", "run:ID", "version:model:3", "alias:model:champion")
 * @param kind which column it sits in
 * @param label the text in the box
 * @param target what opening it shows: a dataset ref, a run id, a "model:version"
 */
public record LineageNode(String id, Kind kind, String label, String target) {
  /** The four columns, left to right. */
  public enum Kind {
    DATASET,
    RUN,
    VERSION,
    ALIAS
  }
}
