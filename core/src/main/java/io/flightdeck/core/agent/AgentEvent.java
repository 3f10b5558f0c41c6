package io.flightdeck.core.agent;

import java.util.Map;

/**
 * One job event from an agent (see {@code docs/agent-protocol.md}).
 *
 * @param job the job id (32 lowercase hex)
 * @param seq 1, 2, 3... per job, never reused
 * @param ts when the agent wrote it, epoch ms
 * @param kind started, metric, param, tag, log, artifact, status, rejected or ended
 * @param fields the kind's own fields (unmodifiable; numbers as Long or Double, strings as String)
 */
public record AgentEvent(String job, long seq, long ts, String kind, Map<String, Object> fields) {
  public AgentEvent {
    fields = Map.copyOf(fields);
  }

  /** A string field, or the default when missing. */
  public String text(String name, String dflt) {
    Object v = fields.get(name);
    return v == null ? dflt : v.toString();
  }

  /** A whole-number field, or the default when missing or not a number. */
  public long number(String name, long dflt) {
    Object v = fields.get(name);
    return v instanceof Number n ? n.longValue() : dflt;
  }

  /** A metric value: a number, or "NaN", "Infinity", "-Infinity". */
  public double value(String name) {
    Object v = fields.get(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return AgentCodec.parseDouble(String.valueOf(v));
  }
}
