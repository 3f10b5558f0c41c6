package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes an event line as {@link AgentCodec#eventLine} does (compact JSON, keys sorted), without
 * building intermediate maps: the supervisor's hot path for chatty jobs. Values are strings,
 * numbers, booleans or numbers as {@link AgentCodec#jsonDouble} gives them. Not thread-safe: one
 * instance per writer, used under its lock.
 */
final class EventEncoder {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final StringBuilder sb = new StringBuilder(256);
  private String[] keys = new String[16];

  /** The event as one line, without the terminator. */
  String line(String job, long seq, long ts, String kind, Map<String, Object> fields) {
    int n = 0;
    if (keys.length < fields.size() + 5) {
      keys = new String[fields.size() + 5];
    }
    for (String k : fields.keySet()) {
      keys[n++] = k;
    }
    keys[n++] = "job";
    keys[n++] = "kind";
    keys[n++] = "seq";
    keys[n++] = "ts";
    keys[n++] = "type";
    Arrays.sort(keys, 0, n);
    sb.setLength(0);
    sb.append('{');
    for (int i = 0; i < n; i++) {
      String k = keys[i];
      if (i > 0) {
        sb.append(',');
      }
      string(k);
      sb.append(':');
      Object v =
          switch (k) {
            case "job" -> fields.containsKey(k) ? fields.get(k) : job;
            case "kind" -> fields.containsKey(k) ? fields.get(k) : kind;
            case "seq" -> seq;
            case "ts" -> ts;
            case "type" -> "event";
            default -> fields.get(k);
          };
      value(v);
    }
    sb.append('}');
    return sb.toString();
  }

  private void value(Object v) {
    if (v instanceof String s) {
      string(s);
    } else if (v instanceof Double d) {
      Object j = AgentCodec.jsonDouble(d);
      if (j instanceof String s) {
        string(s);
      } else {
        sb.append(d.doubleValue());
      }
    } else if (v instanceof Float f) {
      value(f.doubleValue());
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v == null) {
      sb.append("null");
    } else {
      string(v.toString());
    }
  }

  private void string(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
