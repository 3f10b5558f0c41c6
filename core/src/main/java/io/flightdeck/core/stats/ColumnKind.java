package io.flightdeck.core.stats;

/** The two column kinds the drift methods tell apart. */
public enum ColumnKind {
  /** Numbers (doubles); NaN and infinities are excluded from drift tests and counted. */
  NUMERIC,
  /** Labels (strings); {@code null} is a missing value, excluded and counted. */
  CATEGORICAL
}
