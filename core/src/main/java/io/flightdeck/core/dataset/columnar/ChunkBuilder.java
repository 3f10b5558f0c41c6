package io.flightdeck.core.dataset.columnar;

import io.flightdeck.core.dataset.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects one column's values for the current row group and serialises them. One builder per
 * column, reused for every group. Not thread-safe.
 */
final class ChunkBuilder {
  private final ColumnType type;
  private int rows;
  private long[] nulls = new long[16];
  private int nullCount;
  private long[] longs;
  private double[] doubles;
  private byte[] bools;
  private int[] codes;
  private String[] texts;
  private Map<String, Integer> dict;
  private String[] dictValues;
  private long heapBytes;

  ChunkBuilder(ColumnType type) {
    this.type = type;
    switch (type) {
      case INTEGER, TIMESTAMP -> longs = new long[64];
      case DECIMAL -> doubles = new double[64];
      case BOOLEAN -> bools = new byte[64];
      case CATEGORICAL -> {
        codes = new int[64];
        dict = new HashMap<>();
        dictValues = new String[16];
      }
      case TEXT -> texts = new String[64];
    }
  }

  int rows() {
    return rows;
  }

  /** An estimate of the heap this chunk holds, for the row group's memory budget. */
  long heapBytes() {
    return heapBytes;
  }

  private void grow() {
    int cap = capacity();
    if (rows < cap) {
      return;
    }
    int n = cap * 2;
    switch (type) {
      case INTEGER, TIMESTAMP -> longs = Arrays.copyOf(longs, n);
      case DECIMAL -> doubles = Arrays.copyOf(doubles, n);
      case BOOLEAN -> bools = Arrays.copyOf(bools, n);
      case CATEGORICAL -> codes = Arrays.copyOf(codes, n);
      case TEXT -> texts = Arrays.copyOf(texts, n);
    }
  }

  private int capacity() {
    return switch (type) {
      case INTEGER, TIMESTAMP -> longs.length;
      case DECIMAL -> doubles.length;
      case BOOLEAN -> bools.length;
      case CATEGORICAL -> codes.length;
      case TEXT -> texts.length;
    };
  }

  void addNull() {
    grow();
    if ((rows >> 6) >= nulls.length) {
      nulls = Arrays.copyOf(nulls, nulls.length * 2);
    }
    nulls[rows >> 6] |= 1L << (rows & 63);
    nullCount++;
    switch (type) {
      case INTEGER, TIMESTAMP -> longs[rows] = 0;
      case DECIMAL -> doubles[rows] = 0;
      case BOOLEAN -> bools[rows] = 0;
      case CATEGORICAL -> codes[rows] = -1;
      case TEXT -> texts[rows] = null;
    }
    rows++;
    heapBytes += 1;
  }

  void addLong(long v) {
    grow();
    longs[rows++] = v;
    heapBytes += 8;
  }

  void addDouble(double v) {
    grow();
    doubles[rows++] = v;
    heapBytes += 8;
  }

  void addBoolean(boolean v) {
    grow();
    bools[rows++] = (byte) (v ? 1 : 0);
    heapBytes += 1;
  }

  void addString(String v) {
    grow();
    if (type == ColumnType.CATEGORICAL) {
      Integer code = dict.get(v);
      if (code == null) {
        code = dict.size();
        dict.put(v, code);
        if (code >= dictValues.length) {
          dictValues = Arrays.copyOf(dictValues, dictValues.length * 2);
        }
        dictValues[code] = v;
        heapBytes += 64 + 2L * v.length();
      }
      codes[rows++] = code;
      heapBytes += 4;
    } else {
      texts[rows++] = v;
      heapBytes += 48 + 2L * v.length();
    }
  }

  /** Serialises the chunk into {@code out} and starts an empty one. */
  void writeTo(LeBuffer out) {
    out.putInt(rows);
    out.putInt(nullCount);
    if (nullCount > 0) {
      int bytes = (rows + 7) / 8;
      for (int i = 0; i < bytes; i++) {
        out.putByte((byte) (nulls[i >> 3] >>> ((i & 7) * 8)));
      }
    }
    switch (type) {
      case INTEGER, TIMESTAMP -> out.putLongs(longs, rows);
      case DECIMAL -> out.putDoubles(doubles, rows);
      case BOOLEAN -> out.putBytes(bools, 0, rows);
      case CATEGORICAL -> writeCategorical(out);
      case TEXT -> writeText(out);
    }
    reset();
  }

  private void writeCategorical(LeBuffer out) {
    int n = dict.size();
    out.putInt(n);
    for (int i = 0; i < n; i++) {
      byte[] b = dictValues[i].getBytes(StandardCharsets.UTF_8);
      out.putInt(b.length);
      out.putBytes(b, 0, b.length);
    }
    int width = n < 255 ? 1 : n < 65535 ? 2 : 4;
    out.putByte((byte) width);
    for (int i = 0; i < rows; i++) {
      int c = codes[i];
      switch (width) {
        case 1 -> out.putByte((byte) (c < 0 ? 255 : c));
        case 2 -> out.putShort((short) (c < 0 ? 65535 : c));
        default -> out.putInt(c);
      }
    }
  }

  private void writeText(LeBuffer out) {
    for (int i = 0; i < rows; i++) {
      String s = texts[i];
      if (s == null) {
        out.putInt(-1);
      } else {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.putInt(b.length);
        out.putBytes(b, 0, b.length);
      }
      texts[i] = null;
    }
  }

  private void reset() {
    Arrays.fill(nulls, 0, Math.min(nulls.length, (rows >> 6) + 1), 0L);
    rows = 0;
    nullCount = 0;
    heapBytes = 0;
    if (dict != null) {
      dict.clear();
      Arrays.fill(dictValues, null);
    }
  }
}
