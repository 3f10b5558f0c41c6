package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.stats.DriftMethod;

/**
 * Drift of one column between two versions.
 *
 * @param column the column name
 * @param type its type in the current version
 * @param method the method used (Evidently's default or the user's choice)
 * @param statistic the test statistic or distance
 * @param pValue the p-value for tests that have one, else {@code null}
 * @param threshold the threshold of the verdict
 * @param drifted the verdict
 * @param referenceRows reference values tested (missing excluded; a sample if {@code sampled})
 * @param currentRows current values tested
 * @param referenceMissing reference values excluded (empty, NaN, infinite)
 * @param currentMissing current values excluded
 * @param chart the reference and current distributions for a chart
 */
public record ColumnDrift(
    String column,
    ColumnType type,
    DriftMethod method,
    double statistic,
    Double pValue,
    double threshold,
    boolean drifted,
    long referenceRows,
    long currentRows,
    long referenceMissing,
    long currentMissing,
    DriftChart chart) {
  /** Evidently's drift score: the p-value for tests, the distance otherwise. */
  public double score() {
    return pValue != null ? pValue : statistic;
  }
}
