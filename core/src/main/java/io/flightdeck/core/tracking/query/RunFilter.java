package io.flightdeck.core.tracking.query;

import io.flightdeck.core.tracking.RunRow;
import java.util.function.Predicate;

/**
 * A runs-table filter in MLflow's search_runs syntax, e.g. {@code metrics.auc > 0.9 and params.lr =
 * '0.01'}.
 *
 * <p>Clauses are {@code <entity>.<key> <op> <value>} joined by {@code and}; as an extension, {@code
 * or} (binding looser than {@code and}) and parentheses are accepted. Keywords are
 * case-insensitive. Entities:
 *
 * <ul>
 *   <li>{@code metrics} (or {@code metric}): the metric's last value against a number with {@code
 *       =, !=, <, <=, >, >=};
 *   <li>{@code params}, {@code tags}: text against a quoted value ('single' or "double") with
 *       {@code =, !=, LIKE, ILIKE} ({@code %} any run of characters, {@code _} one character; ILIKE
 *       ignores case), or {@code IN ('a', 'b')} / {@code NOT IN (...)};
 *   <li>{@code attributes} ({@code attribute}, {@code attr}, {@code run}): {@code status}, {@code
 *       run_name}, {@code user}, {@code host}, {@code run_id} as text; {@code start_time}, {@code
 *       end_time} as epoch milliseconds.
 * </ul>
 *
 * Keys with spaces or other characters are backquoted or double-quoted: {@code metrics.`val loss`}.
 * A clause on a metric, param or tag the run does not have is false (also for {@code !=}); a metric
 * whose last value is NaN fails every comparison but {@code !=}.
 *
 * <p>Immutable and thread-safe once parsed.
 */
public final class RunFilter implements Predicate<RunRow> {
  /** The filter that matches every run (the empty expression). */
  public static final RunFilter ALL = new RunFilter("", r -> true);

  private final String expression;
  private final Predicate<RunRow> predicate;

  private RunFilter(String expression, Predicate<RunRow> predicate) {
    this.expression = expression;
    this.predicate = predicate;
  }

  /**
   * Parses an expression; null or blank gives {@link #ALL}.
   *
   * @throws RunFilterException naming the column and token of the first mistake
   */
  public static RunFilter parse(String expression) {
    if (expression == null || expression.isBlank()) {
      return ALL;
    }
    return new RunFilter(expression, new Parser(Lexer.tokens(expression)).filter());
  }

  /** Whether the run matches. */
  @Override
  public boolean test(RunRow row) {
    return predicate.test(row);
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }
}
