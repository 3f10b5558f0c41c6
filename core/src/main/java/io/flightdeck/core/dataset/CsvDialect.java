package io.flightdeck.core.dataset;

import java.util.Objects;
import org.apache.commons.csv.CSVFormat;

/**
 * How a CSV file is written: delimiter, header, quote character and encoding.
 *
 * @param delimiter one of {@code , ; TAB |}
 * @param header whether the first record holds the column names
 * @param quote the quote character (usually {@code "})
 * @param encoding the character encoding
 */
public record CsvDialect(char delimiter, boolean header, char quote, TextEncoding encoding) {
  /** The delimiters that detection tries, in order of preference on a tie. */
  public static final String DELIMITERS = ",;\t|";

  /** RFC 4180 with a header, UTF-8. */
  public static final CsvDialect DEFAULT = new CsvDialect(',', true, '"', TextEncoding.UTF_8);

  /** Checks the delimiter and quote. */
  public CsvDialect {
    if (DELIMITERS.indexOf(delimiter) < 0) {
      throw new IllegalArgumentException(
          "Unsupported delimiter " + describe(delimiter) + ": use , ; TAB or |.");
    }
    if (quote == delimiter || quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("The quote character cannot be " + describe(quote) + ".");
    }
    Objects.requireNonNull(encoding, "encoding");
  }

  /** The same dialect with another encoding. */
  public CsvDialect withEncoding(TextEncoding e) {
    return new CsvDialect(delimiter, header, quote, e);
  }

  /** The same dialect with or without a header. */
  public CsvDialect withHeader(boolean h) {
    return new CsvDialect(delimiter, h, quote, encoding);
  }

  /** The same dialect with another delimiter. */
  public CsvDialect withDelimiter(char d) {
    return new CsvDialect(d, header, quote, encoding);
  }

  /**
   * The Commons CSV format that reads every record, header included, as plain values (empty lines
   * are returned as one empty value so that line numbers stay exact).
   */
  public CSVFormat toFormat() {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .setQuote(quote)
        .setIgnoreEmptyLines(false)
        .setRecordSeparator("\n")
        .get();
  }

  /** A printable name for a delimiter or quote: {@code TAB} or the character in quotes. */
  public static String describe(char c) {
    return c == '\t' ? "TAB" : "'" + c + "'";
  }
}
