package io.flightdeck.core.dataset.ingest;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportStatus;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.dataset.csv.TimestampFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a stored version back to CSV (RFC 4180, comma, UTF-8, header line), one row group at a
 * time, so memory stays bounded. Values are written as they were read where the type allows:
 * timestamps in the column's format, booleans with the file's tokens, missing values as empty
 * cells; decimals as Java's shortest round-tripping text. Stateless; blocking.
 */
public final class CsvExporter {
  private CsvExporter() {}

  /**
   * Writes every row.
   *
   * @param gzip whether to gzip the output
   * @throws CancellationException when {@code progress} asks to stop
   */
  public static long write(
      ColumnarReader data,
      List<ColumnSpec> schema,
      OutputStream out,
      boolean gzip,
      ImportProgress progress)
      throws IOException {
    OutputStream os = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
    Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    Cell[] cells = cells(schema);
    for (int c = 0; c < schema.size(); c++) {
      if (c > 0) {
        w.write(',');
      }
      w.write(quote(schema.get(c).name()));
    }
    w.write('\n');
    long rows = 0;
    long start = System.nanoTime();
    for (int g = 0; g < data.groups(); g++) {
      if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Export cancelled");
      }
      ColumnChunk[] chunks = new ColumnChunk[schema.size()];
      for (int c = 0; c < chunks.length; c++) {
        chunks[c] = data.chunk(g, c);
      }
      int n = data.groupRows(g);
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < chunks.length; c++) {
          if (c > 0) {
            w.write(',');
          }
          w.write(cells[c].format(chunks[c], i));
        }
        w.write('\n');
      }
      rows += n;
      double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
      progress.update(new ImportStatus(rows, 0, 0, rows / secs));
    }
    w.flush();
    if (os instanceof GZIPOutputStream gz) {
      gz.finish();
    }
    return rows;
  }

  /** The first rows as text, for a table in the window. */
  public static List<List<String>> head(ColumnarReader data, List<ColumnSpec> schema, int limit)
      throws IOException {
    Cell[] cells = cells(schema);
    List<List<String>> out = new ArrayList<>();
    for (int g = 0; g < data.groups() && out.size() < limit; g++) {
      ColumnChunk[] chunks = new ColumnChunk[schema.size()];
      for (int c = 0; c < chunks.length; c++) {
        chunks[c] = data.chunk(g, c);
      }
      for (int i = 0; i < data.groupRows(g) && out.size() < limit; i++) {
        List<String> row = new ArrayList<>(chunks.length);
        for (int c = 0; c < chunks.length; c++) {
          row.add(cells[c].text(chunks[c], i));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static Cell[] cells(List<ColumnSpec> schema) {
    Cell[] cells = new Cell[schema.size()];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = new Cell(schema.get(c));
    }
    return cells;
  }

  /** Formats one column's values. */
  private static final class Cell {
    private final ColumnType type;
    private final TimestampFormat time;
    private final String yes;
    private final String no;

    Cell(ColumnSpec spec) {
      this.type = spec.type();
      this.time = type == ColumnType.TIMESTAMP ? TimestampFormat.of(spec.format()) : null;
      String[] tokens = spec.format().contains("/") ? spec.format().split("/") : null;
      this.yes = tokens != null && type == ColumnType.BOOLEAN ? tokens[0] : "true";
      this.no = tokens != null && type == ColumnType.BOOLEAN ? tokens[1] : "false";
    }

    String text(ColumnChunk chunk, int i) {
      if (chunk.isNull(i)) {
        return "";
      }
      return switch (type) {
        case INTEGER -> Long.toString(chunk.longAt(i));
        case DECIMAL -> Double.toString(chunk.doubleAt(i));
        case BOOLEAN -> chunk.booleanAt(i) ? yes : no;
        case TIMESTAMP -> time.format(chunk.longAt(i));
        case CATEGORICAL, TEXT -> chunk.stringAt(i);
      };
    }

    String format(ColumnChunk chunk, int i) {
      String s = text(chunk, i);
      return type.isString() ? quote(s) : s;
    }
  }

  static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length() && !needs; i++) {
      char c = s.charAt(i);
      needs = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!needs && !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) {
      needs = true;
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
