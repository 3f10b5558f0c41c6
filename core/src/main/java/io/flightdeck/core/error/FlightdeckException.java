package io.flightdeck.core.error;

/**
 * A failure that a user can act on: a plain sentence that names the problem and a hint that says
 * what to do.
 *
 * <p>Every layer throws this (or a subclass) for expected failures, so that the command line can
 * print one line and the window can show one dialog. Unexpected failures stay ordinary exceptions
 * and are shown with their details.
 */
public class FlightdeckException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  /**
   * @param message what went wrong, as one plain sentence naming the object (file, entry, field)
   * @param hint what the user can do about it; may be empty, never null
   */
  public FlightdeckException(String message, String hint) {
    this(message, hint, null);
  }

  /**
   * @param message what went wrong, as one plain sentence naming the object (file, entry, field)
   * @param hint what the user can do about it; may be empty, never null
   * @param cause the underlying failure, kept for the details view; may be null
   */
  public FlightdeckException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint == null ? "" : hint;
  }

  /** What the user can do about it, or an empty string. */
  public String hint() {
    return hint;
  }

  /** The message and the hint as one line, for the command line and logs. */
  public String oneLine() {
    return hint.isEmpty() ? getMessage() : getMessage() + " " + hint;
  }
}
