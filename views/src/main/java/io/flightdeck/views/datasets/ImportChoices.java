package io.flightdeck.views.datasets;

import java.util.List;

/**
 * What the user chose in the import dialog.
 *
 * @param datasetName the dataset to import into (a new version when it exists)
 * @param delimiter the field separator
 * @param header whether the first line is a header
 * @param charset {@code UTF-8} or {@code ISO-8859-1}
 * @param skipBadRows skip ragged rows and count them instead of failing
 * @param columns per column: name, type and role
 */
public record ImportChoices(
    String datasetName,
    char delimiter,
    boolean header,
    String charset,
    boolean skipBadRows,
    List<Column> columns) {
  /**
   * @param name column name
   * @param type chosen type
   * @param role chosen role
   */
  public record Column(String name, String type, String role) {}
}
