package io.flightdeck.core.mlflow;

/**
 * Progress reports from an MLflow import or export, and the way to cancel it. Called on the worker
 * thread that runs the operation, once per run at most; implementations must be cheap and
 * thread-safe. An interrupted worker thread counts as cancelled too.
 */
public interface MlflowProgress {
  /** Reports nothing and never cancels. */
  MlflowProgress NONE = new MlflowProgress() {};

  /**
   * @param runsDone runs finished so far (imported, skipped or exported); 0 while checking
   * @param runsTotal all runs found
   * @param current the folder or file being worked on
   */
  default void update(int runsDone, int runsTotal, String current) {}

  /**
   * Whether the user asked to stop. The operation stops between two runs, never inside one, and
   * ends with a {@code java.util.concurrent.CancellationException}.
   */
  default boolean isCancelled() {
    return false;
  }
}
