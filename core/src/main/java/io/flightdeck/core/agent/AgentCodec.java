package io.flightdeck.core.agent;

import io.flightdeck.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes and decodes the agent protocol's JSON lines (see {@code docs/agent-protocol.md}).
 * Stateless and thread-safe.
 */
public final class AgentCodec {
  public static final int PROTOCOL = 1;

  private AgentCodec() {}

  /** One event as a line without the terminator. */
  public static String eventLine(AgentEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "event");
    m.put("job", e.job());
    m.put("seq", e.seq());
    m.put("ts", e.ts());
    m.put("kind", e.kind());
    e.fields().forEach((k, v) -> m.put(k, v instanceof Double d ? jsonDouble(d) : v));
    return Json.write(m);
  }

  /**
   * Reads one line as a map; the "type" field (agent output) or "op" field (requests) says what it
   * is.
   *
   * @throws IllegalArgumentException when the line is not one JSON object
   */
  public static Map<String, Object> read(String line) {
    return Json.readObject(line);
  }

  /** Builds an event from a map read by {@link #read} whose type is "event". */
  public static AgentEvent event(Map<String, Object> m) {
    Map<String, Object> fields = new LinkedHashMap<>(m);
    for (String k : new String[] {"type", "job", "seq", "ts", "kind"}) {
      fields.remove(k);
    }
    fields.values().removeIf(v -> v == null);
    Object seq = m.get("seq");
    Object ts = m.get("ts");
    if (!(seq instanceof Number)
        || !(m.get("job") instanceof String)
        || !(m.get("kind") instanceof String)) {
      throw new IllegalArgumentException("Not an agent event: " + m);
    }
    return new AgentEvent(
        (String) m.get("job"),
        ((Number) seq).longValue(),
        ts instanceof Number n ? n.longValue() : 0L,
        (String) m.get("kind"),
        fields);
  }

  /** A request or reply as a line. */
  public static String line(Map<String, ?> message) {
    return Json.write(message);
  }

  /** A double as JSON can carry it: a number, or "NaN", "Infinity", "-Infinity". */
  public static Object jsonDouble(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return d;
  }

  /** The inverse of {@link #jsonDouble} for strings. */
  public static double parseDouble(String s) {
    return switch (s) {
      case "NaN", "nan" -> Double.NaN;
      case "Infinity", "inf", "+inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Infinity", "-inf", "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }
}
