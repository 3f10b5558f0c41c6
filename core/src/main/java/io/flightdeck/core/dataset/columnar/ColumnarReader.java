package io.flightdeck.core.dataset.columnar;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a columnar data file (see {@link ColumnarFormat}): only the footer on open, then only the
 * chunks asked for, each checked against its CRC32C. Thread-safe: after the footer, it only does
 * positional reads on one channel. The caller closes it (which fails reads still in flight).
 */
public final class ColumnarReader implements AutoCloseable {
  private final Path file;
  private final FileChannel ch;
  private final List<ColumnSpec> columns;
  private final long rows;
  private final long[] groupRows;
  private final long[] firstLines;
  private final long[] indexOffsets;
  private final long[] linesOffsets;
  private final int[] linesLengths;
  private final int[] linesCrcs;

  private ColumnarReader(Path file, FileChannel ch, ByteBuffer footer) {
    this.file = file;
    this.ch = ch;
    int version = footer.getInt();
    if (version != ColumnarFormat.VERSION) {
      throw damaged("format version " + version + " is not supported by this Flightdeck", null);
    }
    int n = footer.getInt();
    List<ColumnSpec> cols = new ArrayList<>(n);
    ColumnType[] types = ColumnType.values();
    for (int i = 0; i < n; i++) {
      String name = utf(footer);
      ColumnType type = types[footer.get()];
      cols.add(ColumnSpec.of(name, type).withType(type, utf(footer)));
    }
    this.columns = List.copyOf(cols);
    this.rows = footer.getLong();
    int g = footer.getInt();
    groupRows = new long[g];
    firstLines = new long[g];
    indexOffsets = new long[g];
    linesOffsets = new long[g];
    linesLengths = new int[g];
    linesCrcs = new int[g];
    for (int i = 0; i < g; i++) {
      groupRows[i] = footer.getLong();
      firstLines[i] = footer.getLong();
      indexOffsets[i] = footer.getLong();
      linesOffsets[i] = footer.getLong();
      linesLengths[i] = footer.getInt();
      linesCrcs[i] = footer.getInt();
    }
  }

  /**
   * Opens a data file and reads its footer.
   *
   * @throws FlightdeckException naming the file when it is not a Flightdeck data file or is damaged
   */
  public static ColumnarReader open(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = ch.size();
      ByteBuffer head = read(ch, 0, 8);
      ByteBuffer tail = size >= 24 ? read(ch, size - 16, 16) : null;
      byte[] magic = new byte[8];
      head.get(magic);
      byte[] end = new byte[8];
      if (tail != null) {
        tail.position(8);
        tail.get(end);
      }
      if (!Arrays.equals(magic, ColumnarFormat.MAGIC) || !Arrays.equals(end, ColumnarFormat.END)) {
        throw new FlightdeckException(
            "The file " + file + " is not a complete Flightdeck data file.",
            "Restore the workspace from a backup, or import the dataset version again.");
      }
      long footerOffset = tail.getLong(0);
      long footerLength = size - 16 - footerOffset;
      if (footerOffset < 8 || footerLength < 8 || footerLength > Integer.MAX_VALUE) {
        throw new FlightdeckException(
            "The data file " + file + " has a damaged footer.",
            "Restore the workspace from a backup, or import the dataset version again.");
      }
      ByteBuffer footer = read(ch, footerOffset, (int) footerLength);
      CRC32C crc = new CRC32C();
      crc.update(footer.duplicate().limit((int) footerLength - 4));
      if ((int) crc.getValue() != footer.getInt((int) footerLength - 4)) {
        throw new FlightdeckException(
            "The data file " + file + " has a damaged footer (checksum mismatch).",
            "Restore the workspace from a backup, or import the dataset version again.");
      }
      return new ColumnarReader(file, ch, footer);
    } catch (RuntimeException | IOException e) {
      ch.close();
      throw e;
    }
  }

  private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw new java.io.EOFException(
            "Unexpected end of data file at byte " + (at + b.position()));
      }
    }
    return b.flip();
  }

  private static String utf(ByteBuffer b) {
    int len = b.getInt();
    byte[] bytes = new byte[len];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The columns (names, types, timestamp formats; roles are not stored here). */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /** The index of a column by name, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  public long rows() {
    return rows;
  }

  public int groups() {
    return groupRows.length;
  }

  public int groupRows(int group) {
    return (int) groupRows[group];
  }

  /** The source line of each row of a group. */
  public long[] lines(int group) throws IOException {
    int n = (int) groupRows[group];
    long[] out = new long[n];
    if (linesOffsets[group] < 0) {
      for (int i = 0; i < n; i++) {
        out[i] = firstLines[group] + i;
      }
      return out;
    }
    ByteBuffer b = checked(linesOffsets[group], linesLengths[group], linesCrcs[group], "lines");
    b.asLongBuffer().get(out);
    return out;
  }

  /** Reads and decodes one chunk. */
  public ColumnChunk chunk(int group, int column) throws IOException {
    ByteBuffer idx =
        read(
            ch,
            indexOffsets[group] + (long) ColumnarFormat.INDEX_ENTRY * column,
            ColumnarFormat.INDEX_ENTRY);
    long offset = idx.getLong();
    int length = idx.getInt();
    int crc = idx.getInt();
    ByteBuffer b = checked(offset, length, crc, "column '" + columns.get(column).name() + "'");
    return decode(columns.get(column).type(), b);
  }

  private ByteBuffer checked(long offset, int length, int crc, String what) throws IOException {
    ByteBuffer b = read(ch, offset, length);
    CRC32C c = new CRC32C();
    c.update(b.duplicate());
    if ((int) c.getValue() != crc) {
      throw damaged("the " + what + " data at byte " + offset + " fails its checksum", null);
    }
    return b;
  }

  private FlightdeckException damaged(String what, Throwable cause) {
    return new FlightdeckException(
        "The data file " + file + " is damaged: " + what + ".",
        "Restore the workspace from a backup, or import the dataset version again.",
        cause);
  }

  private static ColumnChunk decode(ColumnType type, ByteBuffer b) {
    int rows = b.getInt();
    int nullCount = b.getInt();
    byte[] bits = null;
    if (nullCount > 0) {
      bits = new byte[(rows + 7) / 8];
      b.get(bits);
    }
    long[] longs = null;
    double[] doubles = null;
    byte[] bools = null;
    int[] codes = null;
    String[] dict = null;
    String[] texts = null;
    switch (type) {
      case INTEGER, TIMESTAMP -> {
        longs = new long[rows];
        b.asLongBuffer().get(longs);
      }
      case DECIMAL -> {
        doubles = new double[rows];
        b.asDoubleBuffer().get(doubles);
      }
      case BOOLEAN -> {
        bools = new byte[rows];
        b.get(bools);
      }
      case CATEGORICAL -> {
        int n = b.getInt();
        dict = new String[n];
        for (int i = 0; i < n; i++) {
          dict[i] = utf(b);
        }
        int width = b.get();
        codes = new int[rows];
        for (int i = 0; i < rows; i++) {
          codes[i] =
              switch (width) {
                case 1 -> b.get() & 0xFF;
                case 2 -> b.getShort() & 0xFFFF;
                default -> b.getInt();
              };
          if (width == 1 && codes[i] == 255 || width == 2 && codes[i] == 65535) {
            codes[i] = -1;
          }
        }
      }
      case TEXT -> {
        texts = new String[rows];
        for (int i = 0; i < rows; i++) {
          int len = b.getInt();
          if (len >= 0) {
            texts[i] =
                new String(b.array(), b.arrayOffset() + b.position(), len, StandardCharsets.UTF_8);
            b.position(b.position() + len);
          }
        }
      }
    }
    return new ColumnChunk(type, rows, bits, nullCount, longs, doubles, bools, codes, dict, texts);
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
