package io.flightdeck.views.datasets;

/**
 * A dataset version in the list.
 *
 * @param dataset dataset name
 * @param version version number
 * @param rows row count
 * @param columns column count
 * @param imported when and by whom, formatted
 * @param status validation status text, e.g. {@code passed}, {@code FAILED}, {@code not validated}
 * @param failed whether the version failed validation (flagged everywhere)
 */
public record DatasetVersionRow(
    String dataset,
    int version,
    long rows,
    int columns,
    String imported,
    String status,
    boolean failed) {
  /** {@code NAME:N}. */
  public String ref() {
    return dataset + ":" + version;
  }
}
