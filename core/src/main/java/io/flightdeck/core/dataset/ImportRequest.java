package io.flightdeck.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request to import a CSV file as the next version of a dataset.
 *
 * @param file the CSV or {@code .csv.gz} file
 * @param datasetName the dataset; created by its first import
 * @param dialect how to read the file
 * @param columns one spec per field, in file order (names may differ from the header: they win)
 * @param badRows what to do with bad rows
 */
public record ImportRequest(
    Path file,
    String datasetName,
    CsvDialect dialect,
    List<ColumnSpec> columns,
    BadRowPolicy badRows) {
  /** Checks for nulls and copies the columns; names are checked by the import. */
  public ImportRequest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(datasetName, "datasetName");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(badRows, "badRows");
    columns = List.copyOf(columns);
  }

  /** A request that takes everything from a preview, with failing on bad rows. */
  public static ImportRequest from(ImportPreview preview, String datasetName) {
    return new ImportRequest(
        preview.file(), datasetName, preview.dialect(), preview.columns(), BadRowPolicy.FAIL);
  }

  /**
   * The same request with this column's role changed (and no other column holding it if unique).
   */
  public ImportRequest withRole(String column, ColumnRole role) {
    List<ColumnSpec> out = new ArrayList<>();
    boolean found = false;
    for (ColumnSpec c : columns) {
      if (c.name().equals(column)) {
        out.add(c.withRole(role));
        found = true;
      } else if ((role == ColumnRole.TIME || role == ColumnRole.TARGET) && c.role() == role) {
        out.add(c.withRole(ColumnRole.FEATURE));
      } else {
        out.add(c);
      }
    }
    if (!found) {
      throw new io.flightdeck.core.error.FlightdeckException(
          "The file " + file + " has no column '" + column + "'.",
          "Columns are: " + String.join(", ", columns.stream().map(ColumnSpec::name).toList()));
    }
    return new ImportRequest(file, datasetName, dialect, out, badRows);
  }

  /** The same request with another type for a column. */
  public ImportRequest withType(String column, ColumnType type, String format) {
    List<ColumnSpec> out =
        columns.stream().map(c -> c.name().equals(column) ? c.withType(type, format) : c).toList();
    return new ImportRequest(file, datasetName, dialect, out, badRows);
  }

  /** The same request with another bad-row policy. */
  public ImportRequest withBadRows(BadRowPolicy policy) {
    return new ImportRequest(file, datasetName, dialect, columns, policy);
  }

  /** The same request with another dialect. */
  public ImportRequest withDialect(CsvDialect d) {
    return new ImportRequest(file, datasetName, d, columns, badRows);
  }
}
