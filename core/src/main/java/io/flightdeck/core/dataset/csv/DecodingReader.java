package io.flightdeck.core.dataset.csv;

import io.flightdeck.core.dataset.EncodingProblem;
import io.flightdeck.core.dataset.TextEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * A strict decoding reader that knows where it is: it counts lines and bytes, so that invalid bytes
 * are reported with their line and byte offset ({@link BadBytesException}), and it refuses a record
 * longer than a limit ({@link RecordTooLongException}) before the CSV parser buffers it all. A
 * UTF-8 byte-order mark at the start is skipped. Not thread-safe; closes the stream it was given.
 */
public final class DecodingReader extends Reader {
  /** Invalid bytes for the encoding. */
  public static final class BadBytesException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient EncodingProblem problem;

    BadBytesException(EncodingProblem problem) {
      super(problem.message());
      this.problem = problem;
    }

    /** Where and what. */
    public EncodingProblem problem() {
      return problem;
    }
  }

  /** A record (or line) longer than the limit. */
  public static final class RecordTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    RecordTooLongException(long line, long limit) {
      super("longer than " + limit + " characters");
      this.line = line;
    }

    /** The line at which the limit was passed. */
    public long line() {
      return line;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private final CharBuffer chars = CharBuffer.allocate(1 << 16);
  private final long maxRecordChars;
  private long bytesBefore; // bytes consumed before the start of `bytes`
  private long lines = 1; // line of the next char decoded
  private long recordChars;
  private boolean eof;
  private boolean first = true;

  /**
   * @param in the (uncompressed) bytes
   * @param encoding how to decode them
   * @param maxRecordChars how many characters may pass between two {@link #recordDone} calls
   */
  public DecodingReader(InputStream in, TextEncoding encoding, long maxRecordChars) {
    this.in = in;
    this.decoder =
        encoding
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.maxRecordChars = maxRecordChars;
    bytes.flip();
    chars.flip();
  }

  /** Tells the reader that the consumer finished a record: the length limit starts again. */
  public void recordDone() {
    recordChars = 0;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    recordChars += n;
    if (recordChars > maxRecordChars) {
      throw new RecordTooLongException(lines, maxRecordChars);
    }
    return n;
  }

  private boolean fill() throws IOException {
    chars.clear();
    try {
      while (chars.position() == 0) {
        if (!bytes.hasRemaining() || eof || bytes.remaining() < 4) {
          if (!eof) {
            readMore();
          }
        }
        int before = chars.position();
        CoderResult r = decoder.decode(bytes, chars, eof);
        countLines(before);
        if (r.isError()) {
          throw bad(bytes.position(), r.length()); // the decoder stops at the bad bytes
        }
        if (eof && !bytes.hasRemaining()) {
          CoderResult f = decoder.flush(chars);
          if (f.isError()) {
            throw bad(bytes.position(), f.length());
          }
          countLines(before);
          break;
        }
        if (r.isUnderflow() && eof && bytes.hasRemaining()) {
          throw bad(bytes.position(), bytes.remaining());
        }
      }
    } finally {
      chars.flip();
    }
    return chars.hasRemaining();
  }

  private void readMore() throws IOException {
    bytesBefore += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
    if (first) {
      first = false;
      skipBom();
    }
  }

  private void skipBom() throws IOException {
    while (!eof && bytes.remaining() < 3) {
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
    if (decoder.charset().name().equals("UTF-8")
        && bytes.remaining() >= 3
        && (bytes.get(0) & 0xFF) == 0xEF
        && (bytes.get(1) & 0xFF) == 0xBB
        && (bytes.get(2) & 0xFF) == 0xBF) {
      bytes.position(3);
    }
  }

  private void countLines(int from) {
    char[] a = chars.array();
    for (int i = from; i < chars.position(); i++) {
      if (a[i] == '\n') {
        lines++;
      }
    }
  }

  private BadBytesException bad(int at, int length) {
    long offset = bytesBefore + at;
    int n = Math.max(1, Math.min(length, 4));
    byte[] b = new byte[Math.min(n, bytes.limit() - at)];
    for (int i = 0; i < b.length; i++) {
      b[i] = bytes.get(at + i);
    }
    String hex = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    String message =
        "line "
            + lines
            + ", byte offset "
            + offset
            + ": the bytes "
            + hex
            + " are not valid "
            + decoder.charset().name();
    return new BadBytesException(new EncodingProblem(lines, offset, hex, message));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
