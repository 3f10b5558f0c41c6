package io.flightdeck.core.dataset;

/**
 * Progress reports from a long dataset operation, and the way to cancel it. Called on the worker
 * thread that runs the operation (a few times a second at most); implementations must be cheap and
 * thread-safe. An interrupted worker thread counts as cancelled too.
 */
public interface ImportProgress {
  /** Reports nothing and never cancels. */
  ImportProgress NONE = new ImportProgress() {};

  /** Called with the progress so far. */
  default void update(ImportStatus status) {}

  /**
   * Whether the user asked to stop; the operation then ends with a {@code CancellationException}.
   */
  default boolean isCancelled() {
    return false;
  }
}
