package io.flightdeck.controllers.task;

import io.flightdeck.core.task.TaskState;
import java.util.function.Consumer;

/** Runs every task inline on the calling thread: for tests of controllers without threads. */
public final class SyncTaskRunner implements TaskRunner {
  private final TaskMonitor monitor = new TaskMonitor(Runnable::run);

  @Override
  public <T> TaskHandle submit(
      String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    TaskHandle handle = new TaskHandle(title, monitor);
    handle.start();
    monitor.started(handle);
    T result;
    try {
      result = work.call(handle);
    } catch (Exception e) {
      handle.finish(TaskState.FAILED);
      monitor.ended(handle, title + " failed");
      onFailure.accept(e);
      return handle;
    }
    handle.finish(TaskState.SUCCEEDED);
    monitor.ended(handle, "Ready");
    onSuccess.accept(result);
    return handle;
  }

  @Override
  public <T> TaskHandle submitQuietly(
      String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    return submit(title, work, onSuccess, onFailure);
  }

  @Override
  public TaskMonitor monitor() {
    return monitor;
  }
}
