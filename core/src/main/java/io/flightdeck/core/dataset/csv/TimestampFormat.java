package io.flightdeck.core.dataset.csv;

import io.flightdeck.core.error.FlightdeckException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * A date or date-time layout that Flightdeck reads and writes without {@code DateTimeFormatter}
 * (which is ten times slower on the import path). Numeric fields accept one or two digits (years
 * exactly four); seconds may carry a fraction (kept to the millisecond); date-times may end with
 * {@code Z} or an offset {@code +hh:mm}, which is applied. Values are milliseconds since the epoch,
 * local times read as UTC. Immutable and thread-safe.
 */
public final class TimestampFormat {
  /**
   * The layouts that type inference tries, in order of preference (so an ambiguous day/month order
   * resolves to day first, as in ISO-8601's big-endian spirit and most of the world).
   */
  public static final List<String> KNOWN =
      List.of(
          "yyyy-MM-dd",
          "yyyy-MM-dd'T'HH:mm:ss",
          "yyyy-MM-dd'T'HH:mm",
          "yyyy-MM-dd HH:mm:ss",
          "yyyy-MM-dd HH:mm",
          "yyyy/MM/dd",
          "yyyy/MM/dd HH:mm:ss",
          "yyyy/MM/dd HH:mm",
          "dd/MM/yyyy",
          "MM/dd/yyyy",
          "dd/MM/yyyy HH:mm:ss",
          "MM/dd/yyyy HH:mm:ss",
          "dd/MM/yyyy HH:mm",
          "MM/dd/yyyy HH:mm",
          "dd.MM.yyyy",
          "dd.MM.yyyy HH:mm:ss",
          "dd.MM.yyyy HH:mm",
          "dd-MM-yyyy");

  private static final long MS_PER_DAY = 86_400_000L;
  private final String pattern;
  // Field codes in order: 'y','M','d','H','m','s'; separators in between.
  private final char[] fields;
  private final char[] separators;
  private final boolean hasTime;

  private TimestampFormat(String pattern, char[] fields, char[] separators) {
    this.pattern = pattern;
    this.fields = fields;
    this.separators = separators;
    this.hasTime = fields.length > 3;
  }

  /**
   * The format for one of the {@link #KNOWN} patterns.
   *
   * @throws FlightdeckException when the pattern is not one of them
   */
  public static TimestampFormat of(String pattern) {
    if (!KNOWN.contains(pattern)) {
      throw new FlightdeckException(
          "Unknown timestamp format '" + pattern + "'.",
          "Choose one of: " + String.join(", ", KNOWN) + ".");
    }
    String p = pattern.replace("'T'", "T");
    char[] f = new char[6];
    char[] sep = new char[6];
    int n = 0;
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      int j = i;
      while (j < p.length() && p.charAt(j) == c) {
        j++;
      }
      if (Character.isLetter(c) && c != 'T') {
        f[n++] = c;
      } else {
        sep[n - 1] = c;
      }
      i = j;
    }
    return new TimestampFormat(pattern, java.util.Arrays.copyOf(f, n), sep);
  }

  /** The pattern, e.g. {@code dd/MM/yyyy}. */
  public String pattern() {
    return pattern;
  }

  /** Whether values have a time of day. */
  public boolean hasTime() {
    return hasTime;
  }

  /**
   * Parses a value.
   *
   * @return milliseconds since the epoch, or {@link Long#MIN_VALUE} when the text does not match
   */
  public long parse(String s) {
    int len = s.length();
    int pos = 0;
    int y = 0;
    int mo = 0;
    int d = 0;
    int h = 0;
    int mi = 0;
    int sec = 0;
    int ms = 0;
    for (int k = 0; k < fields.length; k++) {
      char f = fields[k];
      int max = f == 'y' ? 4 : 2;
      int min = f == 'y' || f == 'm' || f == 's' ? max : 1;
      int start = pos;
      int v = 0;
      while (pos < len && pos - start < max) {
        char c = s.charAt(pos);
        if (c < '0' || c > '9') {
          break;
        }
        v = v * 10 + (c - '0');
        pos++;
      }
      if (pos - start < min) {
        return Long.MIN_VALUE;
      }
      switch (f) {
        case 'y' -> y = v;
        case 'M' -> mo = v;
        case 'd' -> d = v;
        case 'H' -> h = v;
        case 'm' -> mi = v;
        default -> sec = v;
      }
      if (k < fields.length - 1) {
        if (pos >= len || s.charAt(pos) != separators[k]) {
          return Long.MIN_VALUE;
        }
        pos++;
      }
    }
    if (fields[fields.length - 1] == 's' && pos < len && s.charAt(pos) == '.') {
      pos++;
      int start = pos;
      int scale = 100;
      while (pos < len && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        ms += (s.charAt(pos) - '0') * scale;
        scale /= 10;
        pos++;
      }
      if (pos == start || pos - start > 9) {
        return Long.MIN_VALUE;
      }
    }
    long offsetMs = 0;
    if (hasTime && pos < len) {
      char c = s.charAt(pos);
      if (c == 'Z' && pos == len - 1) {
        pos++;
      } else if ((c == '+' || c == '-') && (len - pos == 6 || len - pos == 5)) {
        int oh = twoDigits(s, pos + 1);
        int om = twoDigits(s, len - 2);
        if (oh < 0
            || om < 0
            || oh > 18
            || om > 59
            || (len - pos == 6 && s.charAt(pos + 3) != ':')) {
          return Long.MIN_VALUE;
        }
        offsetMs = (oh * 3600L + om * 60L) * 1000L * (c == '-' ? -1 : 1);
        pos = len;
      }
    }
    if (pos != len || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) {
      return Long.MIN_VALUE;
    }
    long day;
    try {
      day = LocalDate.of(y, mo, d).toEpochDay();
    } catch (DateTimeException e) {
      return Long.MIN_VALUE; // e.g. 30 February: not this format's value
    }
    return day * MS_PER_DAY + ((h * 60L + mi) * 60L + sec) * 1000L + ms - offsetMs;
  }

  private static int twoDigits(String s, int at) {
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    if (a < '0' || a > '9' || b < '0' || b > '9') {
      return -1;
    }
    return (a - '0') * 10 + (b - '0');
  }

  /**
   * Writes milliseconds since the epoch in this layout (UTC, zero-padded, millis when non-zero).
   */
  public String format(long epochMs) {
    long day = Math.floorDiv(epochMs, MS_PER_DAY);
    long msOfDay = Math.floorMod(epochMs, MS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    StringBuilder b = new StringBuilder(24);
    for (int k = 0; k < fields.length; k++) {
      switch (fields[k]) {
        case 'y' -> pad(b, date.getYear(), 4);
        case 'M' -> pad(b, date.getMonthValue(), 2);
        case 'd' -> pad(b, date.getDayOfMonth(), 2);
        case 'H' -> pad(b, (int) (msOfDay / 3_600_000L), 2);
        case 'm' -> pad(b, (int) (msOfDay / 60_000L % 60), 2);
        default -> pad(b, (int) (msOfDay / 1000L % 60), 2);
      }
      if (k < fields.length - 1) {
        b.append(separators[k]);
      }
    }
    long millis = msOfDay % 1000;
    if (millis != 0 && fields[fields.length - 1] == 's') {
      b.append('.');
      pad(b, (int) millis, 3);
    }
    return b.toString();
  }

  private static void pad(StringBuilder b, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    b.append(s);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
