package io.flightdeck.core.dataset;

import java.util.List;
import java.util.Optional;

/**
 * An immutable dataset version as stored: identity, lineage, schema and where its data lies.
 *
 * @param ref the dataset and version number
 * @param lineage where it came from
 * @param schema the columns in file order
 * @param dataSha256 the SHA-256 of the columnar data file in the workspace's artifact store
 * @param dataSize the size of that file in bytes
 * @param validation the outcome of the newest validation
 * @param overrideReason why a failed version may be used anyway, if someone said so
 */
public record DatasetVersionInfo(
    DatasetRef ref,
    Lineage lineage,
    List<ColumnSpec> schema,
    String dataSha256,
    long dataSize,
    ValidationStatus validation,
    Optional<String> overrideReason) {
  /** Copies the schema. */
  public DatasetVersionInfo {
    schema = List.copyOf(schema);
  }

  /** Whether the version may be used for training: not failed, or failed but overridden. */
  public boolean usable() {
    return validation != ValidationStatus.FAILED || overrideReason.isPresent();
  }

  /** The column with this name, if any. */
  public Optional<ColumnSpec> column(String name) {
    return schema.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
