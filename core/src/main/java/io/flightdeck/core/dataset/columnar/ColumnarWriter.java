package io.flightdeck.core.dataset.columnar;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a columnar data file (see {@link ColumnarFormat}) row by row with bounded memory: values
 * are collected per column and written as a row group every {@value ColumnarFormat#MAX_GROUP_ROWS}
 * rows or when the group's heap estimate reaches the budget. Usage per row: one {@code add*} call
 * on every column, then {@link #endRow(long)}. Not thread-safe; the caller owns the file and closes
 * the writer (which writes the footer only through {@link #finish()}).
 */
public final class ColumnarWriter implements AutoCloseable {
  private final List<ColumnSpec> schema;
  private final ChunkBuilder[] builders;
  private final FileChannel out;
  private final LeBuffer buf = new LeBuffer(1 << 20);
  private final LeBuffer index;
  private final LeBuffer footerGroups = new LeBuffer(1 << 12);
  private final int maxRows;
  private final long budget;
  private final CRC32C crc = new CRC32C();
  private long position;
  private int groupRows;
  private int groups;
  private long totalRows;
  private long firstLine = -1;
  private boolean contiguous = true;
  private long[] lines = new long[1024];
  private boolean finished;

  /**
   * Creates (or truncates) the file.
   *
   * @param file where to write
   * @param schema the columns
   * @param maxRows rows per group at most
   * @param budget heap bytes per group at most
   */
  public ColumnarWriter(Path file, List<ColumnSpec> schema, int maxRows, long budget)
      throws IOException {
    this.schema = List.copyOf(schema);
    this.builders = new ChunkBuilder[schema.size()];
    for (int i = 0; i < builders.length; i++) {
      builders[i] = new ChunkBuilder(schema.get(i).type());
    }
    this.index = new LeBuffer(Math.max(64, ColumnarFormat.INDEX_ENTRY * builders.length));
    this.maxRows = maxRows;
    this.budget = budget;
    this.out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    write(ByteBuffer.wrap(ColumnarFormat.MAGIC));
  }

  /** A writer with the default group size and this JVM's budget. */
  public ColumnarWriter(Path file, List<ColumnSpec> schema) throws IOException {
    this(file, schema, ColumnarFormat.MAX_GROUP_ROWS, ColumnarFormat.groupBudget());
  }

  /** The column types, for callers that dispatch on them. */
  public ColumnType type(int column) {
    return schema.get(column).type();
  }

  public void addNull(int column) {
    builders[column].addNull();
  }

  public void addLong(int column, long v) {
    builders[column].addLong(v);
  }

  public void addDouble(int column, double v) {
    builders[column].addDouble(v);
  }

  public void addBoolean(int column, boolean v) {
    builders[column].addBoolean(v);
  }

  public void addString(int column, String v) {
    builders[column].addString(v);
  }

  /**
   * Ends a row read from {@code line} of the source; writes a group when it is full.
   *
   * @throws IllegalStateException when a column got no value for this row
   */
  public void endRow(long line) throws IOException {
    if (groupRows == 0) {
      firstLine = line;
      contiguous = true;
    } else if (line != firstLine + groupRows) {
      contiguous = false;
    }
    if (groupRows >= lines.length) {
      lines = java.util.Arrays.copyOf(lines, lines.length * 2);
    }
    lines[groupRows++] = line;
    totalRows++;
    if (groupRows >= maxRows || (groupRows & 255) == 0 && heapBytes() >= budget) {
      flushGroup();
    }
  }

  private long heapBytes() {
    long sum = 8L * groupRows;
    for (ChunkBuilder b : builders) {
      sum += b.heapBytes();
    }
    return sum;
  }

  /** Rows written so far. */
  public long rows() {
    return totalRows;
  }

  private void flushGroup() throws IOException {
    if (groupRows == 0) {
      return;
    }
    index.clear();
    for (int c = 0; c < builders.length; c++) {
      if (builders[c].rows() != groupRows) {
        throw new IllegalStateException(
            "Column " + c + " has " + builders[c].rows() + " values for " + groupRows + " rows");
      }
      buf.clear();
      builders[c].writeTo(buf);
      long offset = position;
      int length = buf.size();
      int sum = writeChunk();
      index.putLong(offset);
      index.putInt(length);
      index.putInt(sum);
    }
    long linesOffset = -1;
    int linesLength = 0;
    int linesCrc = 0;
    if (!contiguous) {
      buf.clear();
      buf.putLongs(lines, groupRows);
      linesOffset = position;
      linesLength = buf.size();
      linesCrc = writeChunk();
    }
    long indexOffset = position;
    write(index.flipped());
    footerGroups.putLong(groupRows);
    footerGroups.putLong(firstLine);
    footerGroups.putLong(indexOffset);
    footerGroups.putLong(linesOffset);
    footerGroups.putInt(linesLength);
    footerGroups.putInt(linesCrc);
    groups++;
    groupRows = 0;
    buf.shrinkTo(8 << 20);
  }

  private int writeChunk() throws IOException {
    ByteBuffer b = buf.flipped();
    crc.reset();
    crc.update(b.duplicate());
    write(b);
    return (int) crc.getValue();
  }

  private void write(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      position += out.write(b);
    }
  }

  /**
   * Writes the last group, the footer and the trailer, and forces the file to disk.
   *
   * @return the file size in bytes
   */
  public long finish() throws IOException {
    flushGroup();
    LeBuffer footer = new LeBuffer(1 << 12);
    footer.putInt(ColumnarFormat.VERSION);
    footer.putInt(schema.size());
    for (ColumnSpec c : schema) {
      footer.putUtf(c.name());
      footer.putByte((byte) c.type().ordinal());
      footer.putUtf(c.format());
    }
    footer.putLong(totalRows);
    footer.putInt(groups);
    ByteBuffer g = footerGroups.flipped();
    byte[] gb = new byte[g.remaining()];
    g.get(gb);
    footer.putBytes(gb, 0, gb.length);
    crc.reset();
    crc.update(footer.flipped());
    footer.putInt((int) crc.getValue());
    long footerOffset = position;
    write(footer.flipped());
    ByteBuffer trailer =
        ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(footerOffset);
    trailer.put(ColumnarFormat.END).flip();
    write(trailer);
    out.force(true);
    finished = true;
    return position;
  }

  /** Whether {@link #finish()} completed. */
  public boolean finished() {
    return finished;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
