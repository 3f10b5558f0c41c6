package io.flightdeck.controllers.task;

import java.util.function.Consumer;

/**
 * Runs work off the UI thread and delivers its result on it. The one executor abstraction of the
 * UI: the real one uses a named thread pool and {@code Platform.runLater}; {@link SyncTaskRunner}
 * runs inline for tests.
 */
public interface TaskRunner {
  /** Work that reports progress and checks for cancellation. */
  @FunctionalInterface
  interface Work<T> {
    T call(Progress progress) throws Exception;
  }

  /** Progress reporting from inside a task. Thread-safe. */
  interface Progress {
    /** Reports progress, {@code fraction} in 0..1 or -1 when unknown. */
    void update(double fraction, String message);

    /** Whether the user asked to cancel; long work checks this often. */
    boolean isCancelled();
  }

  /**
   * Starts a task.
   *
   * @param title shown in the status bar while it runs
   * @param work runs on a background thread
   * @param onSuccess runs on the UI thread with the result
   * @param onFailure runs on the UI thread with the failure (not called when cancelled)
   * @return a handle to cancel it
   */
  <T> TaskHandle submit(
      String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /** What is running now, for the status bar. */
  /**
   * Like {@link #submit}, but not shown in the status bar and not cancellable from it: for periodic
   * refreshes (live jobs, charts) that would otherwise flicker there.
   */
  <T> TaskHandle submitQuietly(
      String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  TaskMonitor monitor();
}
