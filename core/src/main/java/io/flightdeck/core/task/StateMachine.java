package io.flightdeck.core.task;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A guarded state holder: every change names the state it expects, and illegal moves are rejected.
 * Thread-safe.
 *
 * @param <S> the state type
 */
public final class StateMachine<S> {
  private final AtomicReference<S> state;
  private final Function<S, Set<S>> allowed;

  /**
   * @param initial the first state
   * @param allowed for each state, the states it may move to
   */
  public StateMachine(S initial, Function<S, Set<S>> allowed) {
    this.state = new AtomicReference<>(initial);
    this.allowed = allowed;
  }

  /** The current state. */
  public S current() {
    return state.get();
  }

  /**
   * Moves from {@code expected} to {@code next} atomically.
   *
   * @return false when the current state is not {@code expected} (someone else moved first)
   * @throws IllegalStateException when {@code expected -> next} is not an allowed move
   */
  public boolean transition(S expected, S next) {
    if (!allowed.apply(expected).contains(next)) {
      throw new IllegalStateException("Illegal state change " + expected + " -> " + next);
    }
    return state.compareAndSet(expected, next);
  }
}
