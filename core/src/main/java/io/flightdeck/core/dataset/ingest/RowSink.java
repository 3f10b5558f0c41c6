package io.flightdeck.core.dataset.ingest;

import io.flightdeck.core.dataset.BadRowPolicy;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.columnar.ColumnarWriter;
import io.flightdeck.core.dataset.profile.ColumnProfiler;
import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one data record at a time: checks its width and values, then writes and profiles it, or
 * counts it as bad (or fails, by the request's policy). A method of its own so the JIT compiles the
 * per-row path early and keeps it compiled. Not thread-safe.
 */
final class RowSink {
  private final ImportRequest req;
  private final List<ColumnSpec> cols;
  private final int width;
  private final CellDecoder decoder;
  private final ColumnarWriter writer;
  private final ColumnProfiler[] profilers;
  long rows;
  long skipped;
  final List<Long> skippedLines = new ArrayList<>();

  RowSink(
      ImportRequest req, CellDecoder decoder, ColumnarWriter writer, ColumnProfiler[] profilers) {
    this.req = req;
    this.cols = req.columns();
    this.width = cols.size();
    this.decoder = decoder;
    this.writer = writer;
    this.profilers = profilers;
  }

  void row(String[] cells, long line) throws IOException {
    if (cells.length == width) {
      int bad = decoder.stage(cells);
      if (bad < 0) {
        decoder.commit(writer, profilers);
        writer.endRow(line);
        rows++;
        return;
      }
      bad(
          line,
          "line "
              + line
              + ", column '"
              + cols.get(bad).name()
              + "' (field "
              + (bad + 1)
              + "): "
              + decoder.why(bad, cells[bad]));
    } else if (cells.length == 1 && cells[0].isEmpty()) {
      return; // an empty line
    } else {
      bad(
          line,
          "line "
              + line
              + " has "
              + cells.length
              + " fields where "
              + width
              + " are expected (a ragged row)");
    }
  }

  private void bad(long line, String problem) {
    if (req.badRows() == BadRowPolicy.FAIL) {
      throw new FlightdeckException(
          "Cannot import " + req.file() + ": " + problem + ".",
          "Fix the file, change the column's type in the preview, or skip bad rows"
              + " (--skip-bad-rows) to import the rest and count them.");
    }
    skipped++;
    if (skippedLines.size() < 20) {
      skippedLines.add(line);
    }
  }
}
