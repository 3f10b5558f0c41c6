package io.flightdeck.core.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a background task. Terminal states: {@link #SUCCEEDED}, {@link #FAILED}, {@link
 * #CANCELLED}.
 */
public enum TaskState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** The states this one may move to. */
  public Set<TaskState> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(RUNNING, CANCELLED);
      case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED);
      case SUCCEEDED, FAILED, CANCELLED -> EnumSet.noneOf(TaskState.class);
    };
  }

  /** Whether the task has ended. */
  public boolean isTerminal() {
    return next().isEmpty();
  }
}
