package io.flightdeck.core.dataset.columnar;

import io.flightdeck.core.dataset.ColumnType;

/**
 * One column's values in one row group, decoded. Immutable once read; owned by the caller.
 *
 * <p>Accessors by type: {@link #longAt} for INTEGER and TIMESTAMP (epoch ms), {@link #doubleAt} for
 * any numeric, timestamp or boolean column, {@link #booleanAt}, {@link #stringAt} for CATEGORICAL
 * and TEXT (and {@link #codeAt}/{@link #dictionary} for CATEGORICAL). Values at null rows are
 * unspecified: check {@link #isNull} first.
 */
public final class ColumnChunk {
  private final ColumnType type;
  private final int rows;
  private final byte[] nullBits;
  private final int nullCount;
  private final long[] longs;
  private final double[] doubles;
  private final byte[] bools;
  private final int[] codes;
  private final String[] dictionary;
  private final String[] texts;

  ColumnChunk(
      ColumnType type,
      int rows,
      byte[] nullBits,
      int nullCount,
      long[] longs,
      double[] doubles,
      byte[] bools,
      int[] codes,
      String[] dictionary,
      String[] texts) {
    this.type = type;
    this.rows = rows;
    this.nullBits = nullBits;
    this.nullCount = nullCount;
    this.longs = longs;
    this.doubles = doubles;
    this.bools = bools;
    this.codes = codes;
    this.dictionary = dictionary;
    this.texts = texts;
  }

  public ColumnType type() {
    return type;
  }

  public int rows() {
    return rows;
  }

  public int nullCount() {
    return nullCount;
  }

  public boolean isNull(int row) {
    return nullCount > 0 && (nullBits[row >> 3] & (1 << (row & 7))) != 0;
  }

  public long longAt(int row) {
    return longs[row];
  }

  /** The value as a double: numbers, epoch ms for timestamps, 1/0 for booleans. */
  public double doubleAt(int row) {
    return switch (type) {
      case DECIMAL -> doubles[row];
      case INTEGER, TIMESTAMP -> longs[row];
      case BOOLEAN -> bools[row];
      default -> throw new IllegalStateException("A " + type + " column has no numeric values");
    };
  }

  public boolean booleanAt(int row) {
    return bools[row] != 0;
  }

  public String stringAt(int row) {
    return type == ColumnType.CATEGORICAL ? dictionary[codes[row]] : texts[row];
  }

  /** The dictionary code of a categorical row (-1 for null). */
  public int codeAt(int row) {
    return codes[row];
  }

  /** The distinct values of a categorical chunk, indexed by code. */
  public String[] dictionary() {
    return dictionary.clone();
  }
}
