package io.flightdeck.core.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a CSV file looks like before it is imported: the detected dialect, inferred column types and
 * the first rows. The user may change any of it and then import.
 *
 * @param file the file
 * @param dialect the detected dialect; {@link TextEncoding#LATIN_1} when the file is not valid
 *     UTF-8 (then {@link #encodingProblem} says where, and the user must accept Latin-1)
 * @param columns the inferred columns (names from the header, or {@code column_1}, ...), types and
 *     suggested roles
 * @param rows up to {@value #PREVIEW_ROWS} first data rows, as text
 * @param sampledRows how many rows type inference looked at
 * @param encodingProblem where the file stops being valid UTF-8, if it does
 * @param problems things the import will refuse unless fixed (empty or duplicate names, ragged rows
 *     in the sample), each naming line and column
 * @param notes things worth knowing (ambiguous date order, an all-empty column, ...)
 */
public record ImportPreview(
    Path file,
    CsvDialect dialect,
    List<ColumnSpec> columns,
    List<List<String>> rows,
    long sampledRows,
    Optional<EncodingProblem> encodingProblem,
    List<String> problems,
    List<String> notes) {
  /** How many rows a preview shows. */
  public static final int PREVIEW_ROWS = 100;

  /** Copies the lists. */
  public ImportPreview {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }
}
