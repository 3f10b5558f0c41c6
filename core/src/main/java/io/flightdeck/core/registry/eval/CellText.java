package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.csv.TimestampFormat;
import java.util.Map;

/**
 * One column's values as text, the way the CSV export writes them (timestamps in the column's
 * format, booleans as true/false), and matched against class labels. Not thread-safe (the timestamp
 * formatter is shared within one column).
 */
final class CellText {
  private final ColumnType type;
  private final TimestampFormat time;

  CellText(ColumnSpec spec) {
    this.type = spec.type();
    this.time = type == ColumnType.TIMESTAMP ? TimestampFormat.of(spec.format()) : null;
  }

  /** The value as text, or null when missing. */
  String text(ColumnChunk chunk, int i) {
    if (chunk.isNull(i)) {
      return null;
    }
    return switch (type) {
      case INTEGER -> Long.toString(chunk.longAt(i));
      case DECIMAL -> Double.toString(chunk.doubleAt(i));
      case BOOLEAN -> chunk.booleanAt(i) ? "true" : "false";
      case TIMESTAMP -> time.format(chunk.longAt(i));
      case CATEGORICAL, TEXT -> chunk.stringAt(i);
    };
  }

  /**
   * The index of the row's value among the labels, or -1 when it is none of them (or missing). A
   * whole decimal matches the label of its integer ("1.0" matches "1"); a boolean matches
   * "true"/"false", else "1"/"0".
   */
  int labelIndex(ColumnChunk chunk, int i, Map<String, Integer> labels) {
    if (chunk.isNull(i)) {
      return -1;
    }
    Integer hit;
    switch (type) {
      case DECIMAL -> {
        double d = chunk.doubleAt(i);
        hit = null;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
          hit = labels.get(Long.toString((long) d));
        }
        if (hit == null) {
          hit = labels.get(Double.toString(d));
        }
      }
      case BOOLEAN -> {
        boolean b = chunk.booleanAt(i);
        hit = labels.get(b ? "true" : "false");
        if (hit == null) {
          hit = labels.get(b ? "1" : "0");
        }
      }
      default -> hit = labels.get(text(chunk, i));
    }
    return hit == null ? -1 : hit;
  }
}
