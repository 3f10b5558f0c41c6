package io.flightdeck.store.tracking;

import static io.flightdeck.store.jooq.Tables.RUN;
import static io.flightdeck.store.jooq.Tables.RUN_METRIC_SUMMARY;
import static io.flightdeck.store.jooq.Tables.RUN_PARAM;
import static io.flightdeck.store.jooq.Tables.RUN_TAG;

import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.store.jooq.tables.records.ExperimentRecord;
import io.flightdeck.store.jooq.tables.records.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Reads rows of the runs table: four queries (runs, params, tags, metric summaries) whatever the
 * number of runs, grouped in memory. Maps jOOQ records to core records. Thread-safe (stateless).
 */
final class RunRows {
  private final DSLContext db;

  RunRows(DSLContext db) {
    this.db = db;
  }

  /** The rows of the runs matching {@code where} (a condition on RUN), newest start first. */
  List<RunRow> rows(Condition where) {
    Map<String, RunInfo> runs = new LinkedHashMap<>();
    db.selectFrom(RUN)
        .where(where)
        .orderBy(RUN.START_MS.desc(), RUN.RUN_ID)
        .forEach(r -> runs.put(r.getRunId(), info(r)));
    if (runs.isEmpty()) {
      return List.of();
    }
    Map<String, SortedMap<String, String>> params = new HashMap<>();
    db.select(RUN_PARAM.RUN_ID, RUN_PARAM.PARAM_KEY, RUN_PARAM.PARAM_VALUE)
        .from(RUN_PARAM)
        .join(RUN)
        .on(RUN.RUN_ID.eq(RUN_PARAM.RUN_ID))
        .where(where)
        .forEach(r -> sorted(params, r.value1()).put(r.value2(), r.value3()));
    Map<String, SortedMap<String, String>> tags = new HashMap<>();
    db.select(RUN_TAG.RUN_ID, RUN_TAG.TAG_KEY, RUN_TAG.TAG_VALUE)
        .from(RUN_TAG)
        .join(RUN)
        .on(RUN.RUN_ID.eq(RUN_TAG.RUN_ID))
        .where(where)
        .forEach(r -> sorted(tags, r.value1()).put(r.value2(), r.value3()));
    Map<String, SortedMap<String, MetricSummary>> metrics = new HashMap<>();
    db.select(RUN_METRIC_SUMMARY.fields())
        .from(RUN_METRIC_SUMMARY)
        .join(RUN)
        .on(RUN.RUN_ID.eq(RUN_METRIC_SUMMARY.RUN_ID))
        .where(where)
        .forEach(
            rec -> {
              var s = rec.into(RUN_METRIC_SUMMARY);
              sorted(metrics, s.getRunId())
                  .put(
                      s.getMetricKey(),
                      new MetricSummary(
                          s.getMetricKey(),
                          s.getLastValue(),
                          orNaN(s.getMinValue()),
                          orNaN(s.getMaxValue()),
                          s.getLastStep(),
                          s.getPoints()));
            });
    List<RunRow> out = new ArrayList<>(runs.size());
    for (RunInfo info : runs.values()) {
      String id = info.runId();
      out.add(
          new RunRow(
              info,
              Collections.unmodifiableSortedMap(params.getOrDefault(id, new TreeMap<>())),
              Collections.unmodifiableSortedMap(tags.getOrDefault(id, new TreeMap<>())),
              Collections.unmodifiableSortedMap(metrics.getOrDefault(id, new TreeMap<>()))));
    }
    return out;
  }

  private static <V> SortedMap<String, V> sorted(Map<String, SortedMap<String, V>> m, String run) {
    return m.computeIfAbsent(run, k -> new TreeMap<>());
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }

  static Experiment experiment(ExperimentRecord r) {
    return new Experiment(r.getId(), r.getName(), Instant.ofEpochMilli(r.getCreatedMs()));
  }

  static RunInfo info(RunRecord r) {
    return new RunInfo(
        r.getRunId(),
        r.getExperimentId(),
        r.getName(),
        RunStatus.valueOf(r.getStatus()),
        Instant.ofEpochMilli(r.getStartMs()),
        r.getEndMs() == null ? null : Instant.ofEpochMilli(r.getEndMs()),
        r.getUserName(),
        r.getHost(),
        r.getSource(),
        r.getCodeVersion(),
        r.getParentRunId());
  }

  static JobRecord job(io.flightdeck.store.jooq.tables.records.JobRecord r) {
    return new JobRecord(
        r.getJobId(),
        r.getRunId(),
        r.getHost(),
        r.getKind(),
        r.getSpecJson(),
        JobState.valueOf(r.getState()),
        r.getAckedSeq(),
        r.getMessage(),
        Instant.ofEpochMilli(r.getCreatedMs()),
        Instant.ofEpochMilli(r.getUpdatedMs()));
  }
}
