package io.flightdeck.core.dataset.columnar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A growable little-endian byte buffer for serialising chunks. Not thread-safe. */
final class LeBuffer {
  private ByteBuffer buf;

  LeBuffer(int initial) {
    buf = ByteBuffer.allocate(initial).order(ByteOrder.LITTLE_ENDIAN);
  }

  private void ensure(long more) {
    if (buf.remaining() >= more) {
      return;
    }
    long need = buf.position() + more;
    if (need > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("A column chunk over 2 GB cannot be written");
    }
    long cap = Math.max(need, Math.min(Integer.MAX_VALUE - 16, (long) buf.capacity() * 2));
    ByteBuffer bigger = ByteBuffer.allocate((int) cap).order(ByteOrder.LITTLE_ENDIAN);
    buf.flip();
    bigger.put(buf);
    buf = bigger;
  }

  void putByte(byte b) {
    ensure(1);
    buf.put(b);
  }

  void putShort(short v) {
    ensure(2);
    buf.putShort(v);
  }

  void putInt(int v) {
    ensure(4);
    buf.putInt(v);
  }

  void putLong(long v) {
    ensure(8);
    buf.putLong(v);
  }

  void putBytes(byte[] b, int off, int len) {
    ensure(len);
    buf.put(b, off, len);
  }

  void putLongs(long[] v, int n) {
    ensure(8L * n);
    buf.asLongBuffer().put(v, 0, n);
    buf.position(buf.position() + 8 * n);
  }

  void putDoubles(double[] v, int n) {
    ensure(8L * n);
    buf.asDoubleBuffer().put(v, 0, n);
    buf.position(buf.position() + 8 * n);
  }

  void putUtf(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    putInt(b.length);
    putBytes(b, 0, b.length);
  }

  int size() {
    return buf.position();
  }

  /** The bytes written so far, ready to read (position 0). The next write must follow a clear. */
  ByteBuffer flipped() {
    return buf.duplicate().flip();
  }

  void clear() {
    buf.clear();
  }

  /** Drops a buffer that grew past {@code max} bytes, so one large chunk does not pin memory. */
  void shrinkTo(int max) {
    if (buf.capacity() > max) {
      buf = ByteBuffer.allocate(max).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
