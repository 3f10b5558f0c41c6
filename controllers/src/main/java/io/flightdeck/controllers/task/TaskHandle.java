package io.flightdeck.controllers.task;

import io.flightdeck.core.task.StateMachine;
import io.flightdeck.core.task.TaskState;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/** A submitted task: its state (see {@link TaskState}) and a way to cancel it. Thread-safe. */
public final class TaskHandle implements TaskRunner.Progress {
  private final String title;
  private final StateMachine<TaskState> state =
      new StateMachine<>(TaskState.PENDING, TaskState::next);
  private final AtomicReference<Future<?>> future = new AtomicReference<>();
  private final TaskMonitor monitor;
  private volatile boolean cancelRequested;

  TaskHandle(String title, TaskMonitor monitor) {
    this.title = title;
    this.monitor = monitor;
  }

  public String title() {
    return title;
  }

  public TaskState state() {
    return state.current();
  }

  /** Asks the task to stop; the worker thread is interrupted. */
  public void cancel() {
    cancelRequested = true;
    state.transition(TaskState.PENDING, TaskState.CANCELLED);
    Future<?> f = future.get();
    if (f != null) {
      f.cancel(true);
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelRequested || Thread.currentThread().isInterrupted();
  }

  @Override
  public void update(double fraction, String message) {
    monitor.progress(this, fraction, message);
  }

  void attach(Future<?> f) {
    future.set(f);
  }

  boolean start() {
    return state.transition(TaskState.PENDING, TaskState.RUNNING);
  }

  void finish(TaskState end) {
    state.transition(TaskState.RUNNING, end);
  }
}
