package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.Tag;
import java.util.Arrays;

/**
 * Reads {@code ##flightdeck metric KEY VALUE [STEP]}, {@code ##flightdeck param KEY VALUE} and
 * {@code ##flightdeck tag KEY VALUE} lines. A directive that breaks a rule becomes a {@code
 * rejected} event and the job goes on. Keys cannot contain spaces here; values of params and tags
 * are the rest of the line. Thread-safe.
 */
final class Directives {
  static final String PREFIX = "##flightdeck ";

  private final RunRecorder recorder;
  private final String runId;

  Directives(RunRecorder recorder, String runId) {
    this.recorder = recorder;
    this.runId = runId;
  }

  /** Handles a line; false when it is not a directive (it is then a log line). */
  boolean handle(String line) {
    if (!line.startsWith(PREFIX)) {
      return false;
    }
    String[] parts = words(line, PREFIX.length());
    try {
      switch (parts[0]) {
        case "metric" -> metric(line, parts);
        case "param" -> recorder.param(runId, new Param(key(line, parts), rest(parts)));
        case "tag" -> recorder.tag(runId, new Tag(key(line, parts), rest(parts)));
        default ->
            throw new FlightdeckException(
                "Unknown directive '" + parts[0] + "' in line '" + shorten(line) + "'.",
                "Use metric, param or tag.");
      }
    } catch (FlightdeckException e) {
      recorder.events().rejected(e.getMessage());
    }
    return true;
  }

  private void metric(String line, String[] parts) {
    String key = key(line, parts);
    String[] vs = parts.length > 2 ? words(parts[2], 0) : new String[0];
    if (vs.length < 1 || vs.length > 2) {
      throw new FlightdeckException(
          "The metric line '" + shorten(line) + "' needs a value and at most a step.",
          "Write '##flightdeck metric KEY VALUE [STEP]'.");
    }
    double value;
    long step;
    try {
      value = AgentCodec.parseDouble(vs[0]);
      step = vs.length > 1 ? Long.parseLong(vs[1]) : 0;
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          "The metric line '" + shorten(line) + "' has a value or step that is not a number.",
          "Write '##flightdeck metric KEY VALUE [STEP]' with a number and a whole step.");
    }
    recorder.metric(runId, new Metric(key, value, System.currentTimeMillis(), step));
  }

  /** Up to three parts: the directive, the key and the rest (trimmed), split on blanks. */
  private static String[] words(String line, int from) {
    String[] out = new String[3];
    int n = 0;
    int i = from;
    int len = line.length();
    while (n < 2) {
      while (i < len && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < len && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      out[n++] = line.substring(start, i);
    }
    String rest = i < len ? line.substring(i).trim() : "";
    if (n == 2 && !rest.isEmpty()) {
      out[n++] = rest;
    }
    return n == 0 ? new String[] {""} : Arrays.copyOf(out, n);
  }

  private static String key(String line, String[] parts) {
    if (parts.length < 2) {
      throw new FlightdeckException(
          "The line '" + shorten(line) + "' has no key.",
          "Write '##flightdeck " + parts[0] + " KEY VALUE'.");
    }
    return parts[1];
  }

  private static String rest(String[] parts) {
    return parts.length > 2 ? parts[2] : "";
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
