package io.flightdeck.core.dataset.csv;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of a source file as read: counts them and hashes them (SHA-256 of the file as stored,
 * compressed or not), and yields the uncompressed stream (a {@code .gz} file is recognised by its
 * magic bytes, not its name). Not thread-safe; closing the data stream closes the file.
 */
public final class SourceStream extends FilterInputStream {
  private final MessageDigest digest;
  private volatile long count;

  private SourceStream(InputStream in) {
    super(in);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** Opens a file for reading and hashing. */
  public static SourceStream open(Path file) throws IOException {
    return new SourceStream(Files.newInputStream(file));
  }

  /**
   * The uncompressed bytes: this stream itself, or a gunzipping stream over it when the file starts
   * with the gzip magic bytes.
   */
  public InputStream data() throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(this, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(buffered, 1 << 16);
    }
    return buffered;
  }

  /** Whether a file is gzip-compressed (by its first two bytes). */
  public static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      digest.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Bytes read so far (readable from any thread). */
  public long count() {
    return count;
  }

  /**
   * Reads what is left of the file (so the hash covers every byte, e.g. after a gzip trailer) and
   * returns the lower-case hex SHA-256.
   */
  public String finishHash() throws IOException {
    byte[] buf = new byte[1 << 16];
    while (read(buf, 0, buf.length) >= 0) {
      // drain
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
