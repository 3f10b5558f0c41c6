package io.flightdeck.agent;

import java.util.Map;

/**
 * Where a job reports what happens: each call becomes one event with the next seq. Implementations
 * are thread-safe (a command job reports from its stdout, stderr and HTTP threads at once).
 */
public interface Events {
  /**
   * Appends one event.
   *
   * @param kind started, metric, param, tag, log, artifact, status or rejected ({@code ended} is
   *     written by the supervisor)
   * @param fields the kind's fields; values are strings, numbers or booleans, never null
   */
  void emit(String kind, Map<String, Object> fields);

  default void status(String message) {
    emit("status", Map.of("message", message));
  }

  default void rejected(String message) {
    emit("rejected", Map.of("message", message));
  }

  default void log(String stream, String text) {
    emit("log", Map.of("stream", stream, "text", text));
  }
}
