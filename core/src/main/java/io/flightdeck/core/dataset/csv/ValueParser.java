package io.flightdeck.core.dataset.csv;

/**
 * Strict, allocation-free parsing of CSV cells into numbers and booleans. A parse either succeeds
 * and leaves its value in a field, or fails without throwing (exceptions would dominate the cost of
 * type inference). Numbers are plain decimals: optional sign, digits, optional fraction and
 * exponent; no thousands separators, no hex, no {@code 1d}/{@code 1f} suffixes, and no leading
 * zeros before other digits (so {@code 02139} stays a string, as a postcode should). Not
 * thread-safe: one instance per worker.
 */
public final class ValueParser {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** The value of the last successful {@link #tryLong}. */
  public long longValue;

  /** The value of the last successful {@link #tryDouble}. */
  public double doubleValue;

  /** The value of the last successful {@link #tryBoolean}. */
  public boolean booleanValue;

  /**
   * Whether a cell of a typed (numeric, boolean, timestamp) column means "missing": empty, blank,
   * {@code NA}, {@code N/A}, {@code null}, {@code NULL}. In string columns only the empty string is
   * missing.
   */
  public static boolean isMissingToken(String s) {
    int len = s.length();
    if (len == 0) {
      return true;
    }
    char c = s.charAt(0);
    if (len > 4 || c >= '0' && c <= '9' || c == '-' || c == '.') {
      return false; // the common case: a number
    }
    return s.isBlank()
        || s.equals("NA")
        || s.equals("N/A")
        || s.equals("null")
        || s.equals("NULL")
        || s.equals("n/a");
  }

  /** Whether the text is a NaN or infinity token: NaN, Inf, -Inf, +Inf, Infinity (any case). */
  public boolean tryNonFinite(String s) {
    int len = s.length();
    if (len < 3 || len > 9) {
      return false;
    }
    String t = s.trim();
    if (t.equalsIgnoreCase("nan")) {
      doubleValue = Double.NaN;
      return true;
    }
    boolean negative = t.startsWith("-");
    String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
      doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      return true;
    }
    return false;
  }

  /** Parses a whole number that fits a {@code long}; surrounding spaces are allowed. */
  public boolean tryLong(String s) {
    int end = s.length();
    int i = 0;
    while (i < end && s.charAt(i) == ' ') {
      i++;
    }
    while (end > i && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (i >= end) {
      return false;
    }
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
      if (i >= end) {
        return false;
      }
    }
    if (s.charAt(i) == '0' && end - i > 1) {
      return false;
    }
    long v = 0;
    for (; i < end; i++) {
      c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int digit = c - '0';
      // accumulate negatively so that Long.MIN_VALUE fits
      if (v < (Long.MIN_VALUE + digit) / 10) {
        return false;
      }
      v = v * 10 - digit;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        return false;
      }
      v = -v;
    }
    longValue = v;
    return true;
  }

  /**
   * Parses a finite decimal number; use {@link #tryNonFinite} for NaN and infinities. Short numbers
   * take Clinger's exact fast path (at most 15 significant digits and a power of ten up to 22), the
   * rest are checked here and converted by {@link Double#parseDouble}: both are correctly rounded.
   */
  public boolean tryDouble(String s) {
    int end = s.length();
    int i = 0;
    while (i < end && s.charAt(i) == ' ') {
      i++;
    }
    while (end > i && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (i >= end) {
      return false;
    }
    int start = i;
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int intDigits = 0;
    int fracDigits = 0;
    boolean firstZero = i < end && s.charAt(i) == '0';
    while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
      if (mantissa != 0 || c != '0') {
        digits++;
      }
      if (digits <= 18) {
        mantissa = mantissa * 10 + (c - '0');
      }
      intDigits++;
      i++;
    }
    if (firstZero && intDigits > 1) {
      return false;
    }
    if (i < end && s.charAt(i) == '.') {
      i++;
      while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
        if (mantissa != 0 || c != '0') {
          digits++;
        }
        if (digits <= 18) {
          mantissa = mantissa * 10 + (c - '0');
        }
        fracDigits++;
        i++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    int exp = 0;
    if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        expNegative = s.charAt(i) == '-';
        i++;
      }
      int expStart = i;
      while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
        if (exp < 100_000) {
          exp = exp * 10 + (c - '0');
        }
        i++;
      }
      if (i == expStart) {
        return false;
      }
      if (expNegative) {
        exp = -exp;
      }
    }
    if (i != end) {
      return false;
    }
    if (digits <= 15) {
      int e10 = exp - fracDigits;
      double m = mantissa;
      if (e10 == 0) {
        doubleValue = negative ? -m : m;
        return true;
      }
      if (e10 < 0 && e10 >= -22) {
        doubleValue = negative ? -(m / POW10[-e10]) : m / POW10[-e10];
        return true;
      }
      if (e10 > 0 && e10 <= 22) {
        doubleValue = negative ? -(m * POW10[e10]) : m * POW10[e10];
        return true;
      }
    }
    doubleValue = Double.parseDouble(s.substring(start, end));
    return true;
  }

  /**
   * Parses true/false, yes/no, t/f, y/n in any case.
   *
   * @see #booleanTokens
   */
  public boolean tryBoolean(String s) {
    int len = s.length();
    if (len == 0 || len > 5) {
      return false;
    }
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "t", "y" -> booleanValue = true;
      case "false", "no", "f", "n" -> booleanValue = false;
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The export spelling for booleans read as {@code token}: "True/False" for "True", "yes/no" for
   * "yes", ... (the case of the first letter follows the token).
   */
  public static String booleanTokens(String token) {
    String lower = token.toLowerCase(java.util.Locale.ROOT);
    String pair =
        switch (lower) {
          case "yes", "no" -> "yes/no";
          case "t", "f" -> "t/f";
          case "y", "n" -> "y/n";
          default -> "true/false";
        };
    if (token.equals(token.toUpperCase(java.util.Locale.ROOT)) && token.length() > 1) {
      return pair.toUpperCase(java.util.Locale.ROOT);
    }
    if (Character.isUpperCase(token.charAt(0))) {
      String[] p = pair.split("/");
      return capitalise(p[0]) + "/" + capitalise(p[1]);
    }
    return pair;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
