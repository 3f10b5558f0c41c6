package io.flightdeck.core.dataset.drift;

import java.time.Instant;
import java.util.List;

/**
 * Drift between a reference and a current dataset version.
 *
 * @param reference the reference version, {@code NAME:N}
 * @param current the current version
 * @param computedAt when
 * @param columns per tested column, in schema order
 * @param notTested columns that were not tested, each with the reason
 * @param driftedColumns how many tested columns drifted
 * @param share {@code driftedColumns / columns.size()}
 * @param driftShareThreshold the share that means dataset drift
 * @param datasetDrift the dataset verdict: {@code share >= driftShareThreshold}
 * @param sampled whether some column was tested on a sample
 */
public record DriftReport(
    String reference,
    String current,
    Instant computedAt,
    List<ColumnDrift> columns,
    List<String> notTested,
    int driftedColumns,
    double share,
    double driftShareThreshold,
    boolean datasetDrift,
    boolean sampled) {
  /** Copies the lists. */
  public DriftReport {
    columns = List.copyOf(columns);
    notTested = List.copyOf(notTested);
  }

  /** The result for a column, if it was tested. */
  public java.util.Optional<ColumnDrift> column(String name) {
    return columns.stream().filter(c -> c.column().equals(name)).findFirst();
  }
}
