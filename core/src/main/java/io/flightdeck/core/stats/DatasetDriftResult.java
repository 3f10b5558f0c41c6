package io.flightdeck.core.stats;

import java.util.List;

/**
 * Drift of a whole dataset: the per-column results and Evidently's verdict, drift when the share of
 * drifted columns is at least {@code driftShareThreshold}.
 *
 * @param columns per-column results, in input order; copied
 * @param driftedColumns how many columns drifted
 * @param share {@code driftedColumns / columns.size()}
 * @param driftShareThreshold the share that means dataset drift (Evidently: 0.5)
 * @param datasetDrift {@code share >= driftShareThreshold}
 */
public record DatasetDriftResult(
    List<ColumnDriftResult> columns,
    int driftedColumns,
    double share,
    double driftShareThreshold,
    boolean datasetDrift) {

  /** Copies the column list. */
  public DatasetDriftResult {
    columns = List.copyOf(columns);
  }
}
