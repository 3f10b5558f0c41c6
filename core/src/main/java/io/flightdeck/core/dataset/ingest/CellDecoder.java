package io.flightdeck.core.dataset.ingest;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.columnar.ColumnarWriter;
import io.flightdeck.core.dataset.csv.TimestampFormat;
import io.flightdeck.core.dataset.csv.ValueParser;
import io.flightdeck.core.dataset.profile.ColumnProfiler;
import java.util.List;

/**
 * Turns one record's cells into typed values in two steps, so that a bad row leaves nothing behind:
 * {@link #stage} parses every cell (and says which one failed), {@link #commit} hands the staged
 * values to the writer and the profilers. Not thread-safe.
 */
final class CellDecoder {
  private final ColumnType[] types;
  private final TimestampFormat[] formats;
  private final ValueParser parser = new ValueParser();
  private final boolean[] nulls;
  private final long[] longs;
  private final double[] doubles;
  private final String[] strings;

  CellDecoder(List<ColumnSpec> columns) {
    int n = columns.size();
    types = new ColumnType[n];
    formats = new TimestampFormat[n];
    nulls = new boolean[n];
    longs = new long[n];
    doubles = new double[n];
    strings = new String[n];
    for (int i = 0; i < n; i++) {
      ColumnSpec c = columns.get(i);
      types[i] = c.type();
      if (c.type() == ColumnType.TIMESTAMP) {
        formats[i] = TimestampFormat.of(c.format());
      }
    }
  }

  /**
   * Parses every cell of a record.
   *
   * @return -1 when all cells fit their column's type, else the index of the first that does not
   */
  int stage(String[] cells) {
    for (int c = 0; c < types.length; c++) {
      String v = cells[c];
      switch (types[c]) {
        case CATEGORICAL, TEXT -> {
          nulls[c] = v.isEmpty();
          strings[c] = v;
        }
        case INTEGER -> {
          if (!(nulls[c] = ValueParser.isMissingToken(v))) {
            if (!parser.tryLong(v)) {
              return c;
            }
            longs[c] = parser.longValue;
          }
        }
        case DECIMAL -> {
          if (!(nulls[c] = ValueParser.isMissingToken(v))) {
            if (!parser.tryDouble(v) && !parser.tryNonFinite(v)) {
              return c;
            }
            doubles[c] = parser.doubleValue;
          }
        }
        case BOOLEAN -> {
          if (!(nulls[c] = ValueParser.isMissingToken(v))) {
            if (!parser.tryBoolean(v)) {
              return c;
            }
            longs[c] = parser.booleanValue ? 1 : 0;
          }
        }
        case TIMESTAMP -> {
          if (!(nulls[c] = ValueParser.isMissingToken(v))) {
            long t = formats[c].parse(v);
            if (t == Long.MIN_VALUE) {
              return c;
            }
            longs[c] = t;
          }
        }
      }
    }
    return -1;
  }

  /** Writes the staged row and feeds the profilers. */
  void commit(ColumnarWriter writer, ColumnProfiler[] profilers) {
    for (int c = 0; c < types.length; c++) {
      ColumnProfiler p = profilers[c];
      if (nulls[c]) {
        writer.addNull(c);
        p.missing();
        continue;
      }
      switch (types[c]) {
        case CATEGORICAL, TEXT -> {
          writer.addString(c, strings[c]);
          p.string(strings[c]);
        }
        case INTEGER, TIMESTAMP -> {
          writer.addLong(c, longs[c]);
          p.number(longs[c]);
        }
        case DECIMAL -> {
          writer.addDouble(c, doubles[c]);
          p.number(doubles[c]);
        }
        case BOOLEAN -> {
          writer.addBoolean(c, longs[c] != 0);
          p.string(longs[c] != 0 ? "true" : "false");
        }
      }
    }
  }

  /** Why a cell does not fit its column, as a phrase. */
  String why(int column, String value) {
    ColumnType t = types[column];
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return switch (t) {
      case INTEGER -> "'" + shown + "' is not a whole number (the column is INTEGER)";
      case DECIMAL -> "'" + shown + "' is not a number (the column is DECIMAL)";
      case BOOLEAN -> "'" + shown + "' is not true/false, yes/no (the column is BOOLEAN)";
      case TIMESTAMP -> "'" + shown + "' is not a timestamp written " + formats[column].pattern();
      default -> "'" + shown + "' does not fit";
    };
  }
}
