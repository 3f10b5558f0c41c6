package io.flightdeck.core.dataset;

/** The type of a dataset column, inferred at import and overridable by the user. */
public enum ColumnType {
  /** Whole numbers that fit a signed 64-bit integer. */
  INTEGER,
  /** Floating-point numbers (IEEE double), including NaN and infinities. */
  DECIMAL,
  /** true/false, yes/no, t/f, y/n (any case). */
  BOOLEAN,
  /** Dates and date-times, stored as milliseconds since the epoch (local times read as UTC). */
  TIMESTAMP,
  /** Strings with few distinct values. */
  CATEGORICAL,
  /** Free text. */
  TEXT;

  /** Whether values are numbers (integer or decimal). */
  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  /** Whether values are stored as strings (categorical or text). */
  public boolean isString() {
    return this == CATEGORICAL || this == TEXT;
  }
}
