package io.flightdeck.core.dataset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The character encodings a CSV import accepts. */
public enum TextEncoding {
  /** UTF-8 without a byte-order mark. */
  UTF_8,
  /** UTF-8 starting with the byte-order mark EF BB BF (skipped). */
  UTF_8_BOM,
  /** ISO-8859-1: every byte is a character; used only when the user accepts it. */
  LATIN_1;

  /** A name for people: UTF-8, UTF-8 with BOM, Latin-1. */
  public String label() {
    return switch (this) {
      case UTF_8 -> "UTF-8";
      case UTF_8_BOM -> "UTF-8 with BOM";
      case LATIN_1 -> "Latin-1";
    };
  }

  /** The Java charset. */
  public Charset charset() {
    return this == LATIN_1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
  }

  /**
   * Parses a user's spelling: {@code utf-8}, {@code utf8}, {@code utf-8-bom}, {@code latin-1},
   * {@code latin1}, {@code iso-8859-1}.
   *
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static TextEncoding parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return switch (t) {
      case "utf-8", "utf8" -> UTF_8;
      case "utf-8-bom", "utf8-bom" -> UTF_8_BOM;
      case "latin-1", "latin1", "iso-8859-1", "iso8859-1" -> LATIN_1;
      default ->
          throw new IllegalArgumentException(
              "Unknown encoding '" + text + "': use utf-8 or latin-1.");
    };
  }
}
