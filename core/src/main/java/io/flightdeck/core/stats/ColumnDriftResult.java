package io.flightdeck.core.stats;

import java.util.Objects;

/**
 * Drift of one column.
 *
 * @param column column name
 * @param kind numeric or categorical
 * @param result the test outcome (method, score, threshold, verdict)
 * @param referenceRows reference values used (missing ones excluded)
 * @param currentRows current values used
 * @param referenceMissing reference values excluded: NaN, infinite or {@code null}
 * @param currentMissing current values excluded
 */
public record ColumnDriftResult(
    String column,
    ColumnKind kind,
    DriftResult result,
    long referenceRows,
    long currentRows,
    long referenceMissing,
    long currentMissing) {

  /** Rejects null parts. */
  public ColumnDriftResult {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(result, "result");
  }

  /** Shortcut for {@code result().drifted()}. */
  public boolean drifted() {
    return result.drifted();
  }
}
