package io.flightdeck.core.dataset.columnar;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a Flightdeck columnar data file (all numbers little-endian):
 *
 * <pre>
 * "FDCOL001"
 * row group 0: chunk of column 0 .. chunk of column C-1, [line numbers], group index
 * row group 1: ...
 * footer: int32 format version, int32 C, per column (utf name, byte type, utf format),
 *         int64 total rows, int32 G, per group (int64 rows, int64 first line, int64 index offset,
 *         int64 lines offset or -1, int32 lines length, int32 lines CRC32C), int32 footer CRC32C
 * trailer: int64 footer offset, "FDCOLEND"
 * </pre>
 *
 * A group index holds, per column, int64 offset, int32 length, int32 CRC32C of the chunk, so a
 * column scan reads 16 bytes per group plus that column's chunks. A chunk is int32 rows, int32
 * nulls, a null bitmap when nulls &gt; 0 ({@code (rows+7)/8} bytes, bit {@code r&7} of byte {@code
 * r>>3}), then the values: int64 per row (INTEGER, TIMESTAMP as epoch ms), float64 (DECIMAL), one
 * byte (BOOLEAN), a dictionary of utf strings and 1/2/4-byte codes (CATEGORICAL; all-ones for
 * null), or int32 length (-1 for null) and UTF-8 bytes per row (TEXT). Line numbers are int64 per
 * row, written only when a group's rows do not come from consecutive lines.
 */
public final class ColumnarFormat {
  static final byte[] MAGIC = "FDCOL001".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END = "FDCOLEND".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int INDEX_ENTRY = 16;

  /** Rows per row group, at most. */
  public static final int MAX_GROUP_ROWS = 65_536;

  /** Heap for one row group's values, at most (smaller on a small heap). */
  public static final long GROUP_BUDGET_BYTES = 32L << 20;

  private ColumnarFormat() {}

  /** The row-group budget for this JVM: 32 MB, or an eighth of the maximum heap if less. */
  public static long groupBudget() {
    return Math.max(1L << 20, Math.min(GROUP_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 8));
  }
}
