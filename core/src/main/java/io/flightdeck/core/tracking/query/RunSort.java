package io.flightdeck.core.tracking.query;

import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.query.Lexer.Kind;
import io.flightdeck.core.tracking.query.Lexer.Token;
import java.util.Comparator;
import java.util.List;

/**
 * A runs-table order in MLflow's order_by syntax: comma-separated {@code <entity>.<key>
 * [ASC|DESC]}, e.g. {@code metrics.auc DESC, attributes.start_time}. Metrics sort by their last
 * value, {@code start_time}/{@code end_time} by time, everything else as text. Runs without the
 * value (and metrics whose last value is NaN) come last in either direction. Immutable and
 * thread-safe.
 */
public final class RunSort {
  /** Keeps the repository's order (newest start first). */
  public static final RunSort NONE = new RunSort("", (a, b) -> 0);

  private final String expression;
  private final Comparator<RunRow> comparator;

  private RunSort(String expression, Comparator<RunRow> comparator) {
    this.expression = expression;
    this.comparator = comparator;
  }

  /**
   * Parses an order; null or blank gives {@link #NONE}.
   *
   * @throws RunFilterException naming the column and token of the first mistake
   */
  public static RunSort parse(String expression) {
    if (expression == null || expression.isBlank()) {
      return NONE;
    }
    List<Token> tokens = Lexer.tokens(expression);
    Comparator<RunRow> all = null;
    int i = 0;
    while (true) {
      Token ref = tokens.get(i++);
      if (ref.kind() != Kind.REF) {
        throw Parser.unexpected(ref, "a sort key like metrics.auc DESC");
      }
      Field f = Field.of(ref);
      boolean desc = false;
      Token t = tokens.get(i);
      if (t.isWord("asc") || t.isWord("desc")) {
        desc = t.isWord("desc");
        t = tokens.get(++i);
      }
      Comparator<RunRow> one = key(f, desc);
      all = all == null ? one : all.thenComparing(one);
      if (t.kind() == Kind.END) {
        return new RunSort(expression, all);
      }
      if (t.kind() != Kind.COMMA) {
        throw Parser.unexpected(t, "ASC, DESC, ',' or the end of the order");
      }
      i++;
    }
  }

  private static Comparator<RunRow> key(Field f, boolean desc) {
    if (f.numeric()) {
      return (a, b) -> {
        double x = f.present(a) ? f.number(a) : Double.NaN;
        double y = f.present(b) ? f.number(b) : Double.NaN;
        if (Double.isNaN(x) || Double.isNaN(y)) {
          return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        }
        return desc ? Double.compare(y, x) : Double.compare(x, y);
      };
    }
    return (a, b) -> {
      String x = f.text(a);
      String y = f.text(b);
      if (x == null || y == null) {
        return Boolean.compare(x == null, y == null);
      }
      return desc ? y.compareTo(x) : x.compareTo(y);
    };
  }

  /** Orders rows; sorting with it is stable, so equal rows keep the repository's order. */
  public Comparator<RunRow> comparator() {
    return comparator;
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }
}
