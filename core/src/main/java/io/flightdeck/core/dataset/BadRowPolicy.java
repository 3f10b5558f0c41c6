package io.flightdeck.core.dataset;

/**
 * What an import does with a row that has the wrong number of fields or a value of the wrong type.
 */
public enum BadRowPolicy {
  /** Stop at the first bad row, naming its line; nothing is stored. */
  FAIL,
  /** Skip bad rows, count them and keep the first line numbers in the lineage. */
  SKIP_AND_COUNT
}
