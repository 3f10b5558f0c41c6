package io.flightdeck.core.dataset.csv;

import io.flightdeck.core.dataset.EncodingProblem;
import io.flightdeck.core.dataset.TextEncoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/** Finds the first invalid UTF-8 sequence in a sample of bytes. Stateless. */
final class Utf8Check {
  private Utf8Check() {}

  /**
   * @param bytes the sample
   * @param complete whether the sample is the whole file (else a character cut at the end is fine)
   */
  static Optional<EncodingProblem> firstProblem(byte[] bytes, boolean complete) {
    try (DecodingReader r =
        new DecodingReader(new ByteArrayInputStream(bytes), TextEncoding.UTF_8, Long.MAX_VALUE)) {
      char[] buf = new char[8192];
      while (r.read(buf, 0, buf.length) >= 0) {
        // decode everything
      }
      return Optional.empty();
    } catch (DecodingReader.BadBytesException e) {
      if (!complete && e.problem().byteOffset() >= bytes.length - 4) {
        return Optional.empty();
      }
      return Optional.of(e.problem());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
