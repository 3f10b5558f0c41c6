package io.flightdeck.core.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.flightdeck.core.json.Json;
import java.io.IOException;
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

  private static final JsonFactory FACTORY = Json.mapper().getFactory();

  /**
   * Reads an event line in one streaming pass (the hot path: an agent sends 100k+ per second),
   * giving the same event as {@code event(read(line))}.
   *
   * @return the event, or null when the line is no event or holds nested values (then use {@link
   *     #read})
   * @throws IllegalArgumentException when the line is not JSON
   */
  public static AgentEvent readEvent(String line) {
    String job = null;
    String kind = null;
    String type = null;
    Number seq = null;
    Number ts = null;
    Map<String, Object> fields = new LinkedHashMap<>();
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("Not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        Object value =
            switch (v) {
              case VALUE_STRING -> p.getText();
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
              case VALUE_TRUE -> Boolean.TRUE;
              case VALUE_FALSE -> Boolean.FALSE;
              case VALUE_NULL -> null;
              default -> NESTED;
            };
        if (value == NESTED) {
          return null;
        }
        switch (name) {
          case "type" -> type = value instanceof String str ? str : null;
          case "job" -> job = value instanceof String str ? str : null;
          case "kind" -> kind = value instanceof String str ? str : null;
          case "seq" -> seq = value instanceof Number n ? n : null;
          case "ts" -> ts = value instanceof Number n ? n : null;
          default -> {
            if (value != null) {
              fields.put(name, value);
            }
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IllegalArgumentException("Not one JSON object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a JSON object: " + e.getMessage(), e);
    }
    if (!"event".equals(type) || job == null || kind == null || seq == null) {
      return null;
    }
    return new AgentEvent(job, seq.longValue(), ts == null ? 0L : ts.longValue(), kind, fields);
  }

  private static final Object NESTED = new Object();

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
