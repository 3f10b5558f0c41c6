package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command job reports about its run, from {@code ##flightdeck} lines and the MLflow endpoint
 * alike: checks each item with {@link TrackingNames}, keeps params immutable (the same value again
 * is accepted and not repeated), and turns accepted items into events. Thread-safe.
 */
final class RunRecorder {
  private final Events events;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, Metric> latest = new LinkedHashMap<>();

  private final String runId;
  private final java.util.Set<String> metricKeys =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  RunRecorder(Events events, String runId) {
    this.events = events;
    this.runId = runId;
  }

  Events events() {
    return events;
  }

  /**
   * Records a batch: all of it or, when any item breaks a rule, none of it.
   *
   * @throws FlightdeckException naming the item and the rule
   */
  synchronized void batch(RunBatch batch) {
    TrackingNames.batch(batch);
    Map<String, String> seen = new LinkedHashMap<>();
    for (Param p : batch.params()) {
      String old = params.containsKey(p.key()) ? params.get(p.key()) : seen.get(p.key());
      if (old != null && !old.equals(p.value())) {
        throw new FlightdeckException(
            "The param '"
                + p.key()
                + "' was already logged as '"
                + old
                + "'; it cannot change to '"
                + p.value()
                + "'.",
            "Params are immutable: log the new value under another key, or start a new run.");
      }
      seen.put(p.key(), p.value());
    }
    for (Metric m : batch.metrics()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("key", m.key());
      f.put("value", AgentCodec.jsonDouble(m.value()));
      f.put("step", m.step());
      f.put("mts", m.timestampMs());
      events.emit("metric", f);
      Metric prev = latest.get(m.key());
      if (prev == null || m.step() >= prev.step()) {
        latest.put(m.key(), m);
      }
    }
    for (Param p : batch.params()) {
      if (!params.containsKey(p.key())) {
        params.put(p.key(), p.value());
        events.emit("param", Map.of("key", p.key(), "value", p.value()));
      }
    }
    for (Tag t : batch.tags()) {
      tags.put(t.key(), t.value());
      events.emit("tag", Map.of("key", t.key(), "value", t.value()));
    }
  }

  /** One metric; the hot path of a chatty job, so keys already accepted are not checked again. */
  void metric(String runId, Metric m) {
    if (!runId.equals(this.runId) || !metricKeys.contains(m.key())) {
      TrackingNames.runId(runId);
      TrackingNames.metric(m);
      if (metricKeys.size() < 10_000) {
        metricKeys.add(m.key());
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", m.key());
    f.put("value", AgentCodec.jsonDouble(m.value()));
    f.put("step", m.step());
    f.put("mts", m.timestampMs());
    synchronized (this) {
      events.emit("metric", f);
      Metric prev = latest.get(m.key());
      if (prev == null || m.step() >= prev.step()) {
        latest.put(m.key(), m);
      }
    }
  }

  void param(String runId, Param p) {
    batch(new RunBatch(runId, List.of(), List.of(p), List.of()));
  }

  void tag(String runId, Tag t) {
    batch(new RunBatch(runId, List.of(), List.of(), List.of(t)));
  }

  synchronized Map<String, String> params() {
    return new LinkedHashMap<>(params);
  }

  synchronized Map<String, String> tags() {
    return new LinkedHashMap<>(tags);
  }

  synchronized List<Metric> latestMetrics() {
    return List.copyOf(latest.values());
  }
}
