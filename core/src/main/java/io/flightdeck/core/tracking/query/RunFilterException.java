package io.flightdeck.core.tracking.query;

import io.flightdeck.core.error.FlightdeckException;

/**
 * A filter or sort expression that cannot be read. The message names the column and the token, e.g.
 * "Unexpected 'x' at column 14: expected a comparison operator (=, !=, <, <=, >, >=, LIKE,
 * ILIKE)."; {@link #column()} and {@link #token()} let a text field mark the spot.
 */
public final class RunFilterException extends FlightdeckException {
  private static final long serialVersionUID = 1L;
  private final int column;
  private final String token;

  /**
   * @param message the whole sentence, naming the column and the token
   * @param column 1-based column of the offending token (one past the end for "end of filter")
   * @param token the offending text, empty at the end of the filter
   */
  public RunFilterException(String message, int column, String token) {
    super(message, "Write clauses like: metrics.auc > 0.9 and params.lr = '0.01'");
    this.column = column;
    this.token = token;
  }

  /** The 1-based column where the problem starts. */
  public int column() {
    return column;
  }

  /** The offending token as written, or an empty string at the end of the expression. */
  public String token() {
    return token;
  }
}
