package io.flightdeck.core.dataset;

import java.util.List;

/**
 * A version about to be stored: everything but its number, which the repository assigns.
 *
 * @param dataset the dataset name (created with its first version)
 * @param lineage where it came from
 * @param schema its columns
 * @param dataSha256 the columnar data file, already in the artifact store
 * @param dataSize that file's size
 * @param profiles one profile per column
 * @param skippedLines the first skipped line numbers (skip-and-count), for the record
 */
public record NewVersion(
    String dataset,
    Lineage lineage,
    List<ColumnSpec> schema,
    String dataSha256,
    long dataSize,
    List<ColumnProfile> profiles,
    List<Long> skippedLines) {
  /** Copies the lists. */
  public NewVersion {
    schema = List.copyOf(schema);
    profiles = List.copyOf(profiles);
    skippedLines = List.copyOf(skippedLines);
  }
}
