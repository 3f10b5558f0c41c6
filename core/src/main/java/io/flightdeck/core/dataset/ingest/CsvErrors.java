package io.flightdeck.core.dataset.ingest;

import io.flightdeck.core.dataset.csv.DecodingReader;
import io.flightdeck.core.error.FlightdeckException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the CSV parser's and the decoder's failures into sentences a user can act on. */
final class CsvErrors {
  private static final Pattern PARSER_LINE = Pattern.compile("\\(line (\\d+)\\)\\s*(.*)");

  private CsvErrors() {}

  static FlightdeckException translate(Path file, long line, RuntimeException e, long maxChars) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof DecodingReader.BadBytesException bad) {
      return new FlightdeckException(
          "The file "
              + file
              + " is not valid "
              + "text in its encoding: "
              + bad.problem().message()
              + ".",
          "If the file is Latin-1 (ISO-8859-1), import it with --encoding latin-1 (or accept"
              + " Latin-1 in the preview); otherwise fix the bytes at that offset.",
          e);
    }
    if (cause instanceof DecodingReader.RecordTooLongException) {
      return new FlightdeckException(
          "Record at line "
              + line
              + " of "
              + file
              + " is longer than "
              + (maxChars >> 20)
              + " MB ("
              + maxChars
              + " characters); Flightdeck refuses records that long.",
          "Is this really a CSV file? A quote that is never closed turns the rest of the file"
              + " into one field.",
          e);
    }
    String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    Matcher m = PARSER_LINE.matcher(msg);
    String where = "line " + line;
    String what = msg;
    if (m.find()) {
      where = "line " + m.group(1);
      what = m.group(2);
    }
    return new FlightdeckException(
        "Cannot read " + file + " as CSV at " + where + ": " + what + ".",
        "Check the quoting near that line: a field with the delimiter, a quote or a line break"
            + " must be in quotes, with \"\" for a quote inside.",
        e);
  }
}
