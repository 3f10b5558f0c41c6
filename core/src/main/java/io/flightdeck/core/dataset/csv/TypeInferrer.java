package io.flightdeck.core.dataset.csv;

import io.flightdeck.core.dataset.ColumnType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Infers one column's type from sample values. Order of preference: boolean, integer, decimal,
 * timestamp, categorical, text. Typed columns treat {@link ValueParser#isMissingToken missing
 * tokens} as missing; {@code NaN} and {@code Inf} tokens make a column decimal. A string column is
 * categorical when it has at most {@value #MAX_CATEGORIES} distinct values and at most half as many
 * distinct values as values, or when distinct values are at most 5 % of the values. Not
 * thread-safe.
 */
public final class TypeInferrer {
  /** The most distinct values a column may have to be categorical by the first rule. */
  public static final int MAX_CATEGORIES = 50;

  private static final int DISTINCT_CAP = 100_000;
  private final ValueParser parser;
  private final boolean[] timestampAlive = new boolean[TimestampFormat.KNOWN.size()];
  private final TimestampFormat[] formats = new TimestampFormat[TimestampFormat.KNOWN.size()];
  private final Set<String> distinct = new HashSet<>();
  private long empty;
  private long typedValues;
  private long nonEmpty;
  private boolean allLong = true;
  private boolean allDouble = true;
  private boolean allBool = true;
  private boolean anyTimestamp = true;
  private String firstBoolToken;

  /**
   * @param parser a parser to share between the columns of one sample
   */
  public TypeInferrer(ValueParser parser) {
    this.parser = parser;
    java.util.Arrays.fill(timestampAlive, true);
    for (int i = 0; i < formats.length; i++) {
      formats[i] = TimestampFormat.of(TimestampFormat.KNOWN.get(i));
    }
  }

  /** The inferred type, its format (timestamps and booleans) and a note when worth one. */
  public record Result(ColumnType type, String format, String note, long distinct, long nonEmpty) {}

  /** Looks at one value. */
  public void accept(String v) {
    if (v.isEmpty()) {
      empty++;
      return;
    }
    nonEmpty++;
    if (distinct.size() < DISTINCT_CAP) {
      distinct.add(v);
    }
    if (ValueParser.isMissingToken(v)) {
      return;
    }
    typedValues++;
    if (allBool) {
      allBool = parser.tryBoolean(v);
      if (allBool && firstBoolToken == null) {
        firstBoolToken = v;
      }
    }
    if (allLong) {
      allLong = parser.tryLong(v);
    }
    if (allDouble) {
      allDouble = parser.tryDouble(v) || parser.tryNonFinite(v);
    }
    if (anyTimestamp) {
      boolean any = false;
      for (int i = 0; i < formats.length; i++) {
        if (timestampAlive[i]) {
          timestampAlive[i] = formats[i].parse(v) != Long.MIN_VALUE;
          any |= timestampAlive[i];
        }
      }
      anyTimestamp = any;
    }
  }

  /** The verdict on the values seen. */
  public Result result(String column) {
    long d = distinct.size();
    if (typedValues > 0) {
      if (allBool) {
        return new Result(
            ColumnType.BOOLEAN, ValueParser.booleanTokens(firstBoolToken), "", d, nonEmpty);
      }
      if (allLong) {
        return new Result(ColumnType.INTEGER, "", "", d, nonEmpty);
      }
      if (allDouble) {
        return new Result(ColumnType.DECIMAL, "", "", d, nonEmpty);
      }
      if (anyTimestamp) {
        return timestamp(column, d);
      }
    }
    if (nonEmpty == 0) {
      return new Result(
          ColumnType.TEXT,
          "",
          "Column '" + column + "' is empty in the rows sampled; it is read as text.",
          0,
          0);
    }
    boolean few = d <= MAX_CATEGORIES && d * 2 <= nonEmpty;
    boolean rare = d < DISTINCT_CAP && d * 20 <= nonEmpty;
    return new Result(few || rare ? ColumnType.CATEGORICAL : ColumnType.TEXT, "", "", d, nonEmpty);
  }

  private Result timestamp(String column, long d) {
    List<String> known = TimestampFormat.KNOWN;
    int first = -1;
    for (int i = 0; i < formats.length; i++) {
      if (timestampAlive[i]) {
        first = i;
        break;
      }
    }
    String pattern = known.get(first);
    String note = "";
    if (pattern.startsWith("dd/MM")) {
      String twin = "MM/dd" + pattern.substring(5);
      if (timestampAlive[known.indexOf(twin)]) {
        note =
            "Column '"
                + column
                + "' has dates whose day and month order is ambiguous in the rows sampled; read as "
                + pattern
                + " (choose "
                + twin
                + " if the month comes first).";
      }
    }
    return new Result(ColumnType.TIMESTAMP, pattern, note, d, nonEmpty);
  }
}
