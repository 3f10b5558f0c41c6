package io.flightdeck.store.tracking;

import static io.flightdeck.store.jooq.Tables.RUN;
import static io.flightdeck.store.jooq.Tables.RUN_METRIC_SUMMARY;
import static io.flightdeck.store.jooq.Tables.RUN_PARAM;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The write path of metrics, params and tags: validates, checks params against stored ones, inserts
 * metric points with one JDBC batch and updates each touched series' summary row once per call.
 *
 * <p>Threading: not thread-safe; the repository calls it under its write lock, inside a
 * transaction. Series ids come from an in-memory counter that is only valid under that lock.
 */
final class BatchWriter {
  /** Points per series are numbered within the low 32 bits of RUN_METRIC.POINT_ID. */
  static final int SERIES_SHIFT = 32;

  private static final String INSERT_POINT =
      "INSERT INTO RUN_METRIC (POINT_ID, METRIC_VALUE, TS_MS, STEP) VALUES (?, ?, ?, ?)";
  private static final String INSERT_PARAM =
      "INSERT INTO RUN_PARAM (RUN_ID, PARAM_KEY, PARAM_VALUE) VALUES (?, ?, ?)";
  private static final String MERGE_TAG =
      "MERGE INTO RUN_TAG (RUN_ID, TAG_KEY, TAG_VALUE) KEY (RUN_ID, TAG_KEY) VALUES (?, ?, ?)";
  private static final String INSERT_SERIES =
      "INSERT INTO RUN_METRIC_SUMMARY (POINTS, LAST_VALUE, LAST_STEP, LAST_TS_MS, MIN_VALUE,"
          + " MAX_VALUE, SERIES_ID, RUN_ID, METRIC_KEY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_SERIES =
      "UPDATE RUN_METRIC_SUMMARY SET POINTS = ?, LAST_VALUE = ?, LAST_STEP = ?, LAST_TS_MS = ?,"
          + " MIN_VALUE = ?, MAX_VALUE = ? WHERE SERIES_ID = ?";
  private static final int JDBC_BATCH = 4096;

  /** Runs whose series stay cached (most recently written first out last). */
  static final int CACHED_RUNS = 10_000;

  private long nextSeriesId = -1;

  /**
   * The committed state of the series of recently written runs: a run present here has all its
   * series here, so a write need not read summaries back. Only changed by {@link Written#publish}.
   */
  private final Map<String, Map<String, Series>> committed =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Series>> eldest) {
          return size() > CACHED_RUNS;
        }
      };

  /** A write done in a transaction; {@link #publish} once that transaction has committed. */
  final class Written {
    private final Map<String, Map<String, Series>> work;

    private Written(Map<String, Map<String, Series>> work) {
      this.work = work;
    }

    /** Makes the written series state the cached one. Call under the same lock as the write. */
    void publish() {
      work.forEach(committed::put);
    }
  }

  /**
   * Stores all batches with {@code tx}, or throws and leaves the rollback to the caller. The
   * batches must have passed {@link TrackingNames#batch}.
   */
  Written write(DSLContext tx, List<RunBatch> batches) {
    Set<String> runs = new LinkedHashSet<>();
    batches.forEach(b -> runs.add(b.runId()));
    requireRuns(tx, runs);
    Map<String, Map<String, String>> params = newParams(tx, batches);
    Map<String, Map<String, Series>> work = loadSeries(tx, batches);
    tx.connection(c -> writeRows(c, batches, params, work));
    return new Written(work);
  }

  private void requireRuns(DSLContext tx, Set<String> runs) {
    Set<String> unknown = new LinkedHashSet<>();
    for (String run : runs) {
      if (!committed.containsKey(run)) { // runs are never deleted
        unknown.add(run);
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    Set<String> found =
        tx.select(RUN.RUN_ID).from(RUN).where(RUN.RUN_ID.in(unknown)).fetchSet(RUN.RUN_ID);
    for (String run : unknown) {
      if (!found.contains(run)) {
        throw new FlightdeckException(
            "There is no run " + run + " to log to.", "Start the run first, or check its id.");
      }
    }
  }

  /** The params to insert per run, after refusing any that differ from a stored or earlier one. */
  private static Map<String, Map<String, String>> newParams(DSLContext tx, List<RunBatch> batches) {
    Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
    for (RunBatch b : batches) {
      for (Param p : b.params()) {
        String before =
            wanted
                .computeIfAbsent(b.runId(), k -> new LinkedHashMap<>())
                .putIfAbsent(p.key(), p.value());
        if (before != null && !before.equals(p.value())) {
          throw changed(b.runId(), p.key(), before, p.value());
        }
      }
    }
    if (wanted.isEmpty()) {
      return wanted;
    }
    tx.select(RUN_PARAM.RUN_ID, RUN_PARAM.PARAM_KEY, RUN_PARAM.PARAM_VALUE)
        .from(RUN_PARAM)
        .where(RUN_PARAM.RUN_ID.in(wanted.keySet()))
        .forEach(
            r -> {
              Map<String, String> forRun = wanted.get(r.value1());
              String value = forRun.get(r.value2());
              if (value != null) {
                if (!value.equals(r.value3())) {
                  throw changed(r.value1(), r.value2(), r.value3(), value);
                }
                forRun.remove(r.value2()); // the same value again: nothing to store
              }
            });
    return wanted;
  }

  private static FlightdeckException changed(String run, String key, String old, String now) {
    return new FlightdeckException(
        "The param '"
            + key
            + "' of run "
            + run
            + " is already '"
            + old
            + "'; it cannot be changed to '"
            + now
            + "'. Nothing of this batch was stored.",
        "Params are immutable: log the new value under another key, or start a new run.");
  }

  /** Copies of the series of every run with metrics here: from the cache, else from the table. */
  private Map<String, Map<String, Series>> loadSeries(DSLContext tx, List<RunBatch> batches) {
    Map<String, Map<String, Series>> work = new HashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    for (RunBatch b : batches) {
      if (!b.metrics().isEmpty() && !work.containsKey(b.runId())) {
        Map<String, Series> cached = committed.get(b.runId());
        if (cached == null) {
          missing.add(b.runId());
          work.put(b.runId(), new HashMap<>());
        } else {
          Map<String, Series> copy = new HashMap<>(cached.size() * 2);
          cached.forEach((k, v) -> copy.put(k, v.copy()));
          work.put(b.runId(), copy);
        }
      }
    }
    if (work.isEmpty()) {
      return work;
    }
    if (nextSeriesId < 0) {
      Long max =
          tx.select(DSL.max(RUN_METRIC_SUMMARY.SERIES_ID))
              .from(RUN_METRIC_SUMMARY)
              .fetchOne(0, Long.class);
      nextSeriesId = max == null ? 1 : max + 1;
    }
    if (!missing.isEmpty()) {
      tx.selectFrom(RUN_METRIC_SUMMARY)
          .where(RUN_METRIC_SUMMARY.RUN_ID.in(missing))
          .forEach(
              r -> {
                Series s = new Series(r.getSeriesId(), r.getRunId(), r.getMetricKey(), false);
                s.points = r.getPoints();
                s.lastValue = r.getLastValue();
                s.lastStep = r.getLastStep();
                s.lastTs = r.getLastTsMs();
                s.min = r.getMinValue() == null ? Double.NaN : r.getMinValue();
                s.max = r.getMaxValue() == null ? Double.NaN : r.getMaxValue();
                work.get(s.run).put(s.key, s);
              });
    }
    return work;
  }

  private void writeRows(
      Connection c,
      List<RunBatch> batches,
      Map<String, Map<String, String>> params,
      Map<String, Map<String, Series>> series)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_PARAM)) {
      for (Map.Entry<String, Map<String, String>> run : params.entrySet()) {
        for (Map.Entry<String, String> p : run.getValue().entrySet()) {
          ps.setString(1, run.getKey());
          ps.setString(2, p.getKey());
          ps.setString(3, p.getValue());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(MERGE_TAG)) {
      for (RunBatch b : batches) {
        for (Tag t : b.tags()) {
          ps.setString(1, b.runId());
          ps.setString(2, t.key());
          ps.setString(3, t.value());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    // Points grouped by series, series in id order: the keys then go into RUN_METRIC in
    // ascending runs, which H2's B-tree takes much faster than keys scattered over all series.
    TreeMap<Long, Series> touched = new TreeMap<>();
    Map<Series, List<Metric>> points = new HashMap<>();
    for (RunBatch b : batches) {
      Map<String, Series> forRun = series.get(b.runId());
      for (Metric m : b.metrics()) {
        Series s = forRun.computeIfAbsent(m.key(), k -> newSeries(b.runId(), k));
        touched.put(s.id, s);
        points.computeIfAbsent(s, k -> new ArrayList<>()).add(m);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_POINT)) {
      int pending = 0;
      for (Series s : touched.values()) {
        for (Metric m : points.get(s)) {
          s.add(m);
          ps.setLong(1, (s.id << SERIES_SHIFT) | s.points);
          ps.setDouble(2, m.value());
          ps.setLong(3, m.timestampMs());
          ps.setLong(4, m.step());
          ps.addBatch();
          if (++pending == JDBC_BATCH) {
            ps.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    writeSummaries(c, touched.values());
  }

  private Series newSeries(String run, String key) {
    return new Series(nextSeriesId++, run, key, true);
  }

  private static void writeSummaries(Connection c, Iterable<Series> touched) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT_SERIES);
        PreparedStatement update = c.prepareStatement(UPDATE_SERIES)) {
      for (Series s : touched) {
        PreparedStatement ps = s.isNew ? insert : update;
        ps.setLong(1, s.points);
        ps.setDouble(2, s.lastValue);
        ps.setLong(3, s.lastStep);
        ps.setLong(4, s.lastTs);
        setFinite(ps, 5, s.min);
        setFinite(ps, 6, s.max);
        ps.setLong(7, s.id);
        if (s.isNew) {
          ps.setString(8, s.run);
          ps.setString(9, s.key);
        }
        ps.addBatch();
      }
      insert.executeBatch();
      update.executeBatch();
    }
  }

  private static void setFinite(PreparedStatement ps, int index, double v) throws SQLException {
    if (Double.isNaN(v)) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, v);
    }
  }

  /** One metric of one run while a write is in progress. */
  private static final class Series {
    final long id;
    final String run;
    final String key;
    boolean isNew; // not in the table yet
    long points;
    double lastValue = Double.NaN;
    long lastStep = Long.MIN_VALUE;
    long lastTs = Long.MIN_VALUE;
    double min = Double.NaN;
    double max = Double.NaN;

    Series(long id, String run, String key, boolean isNew) {
      this.id = id;
      this.run = run;
      this.key = key;
      this.isNew = isNew;
    }

    Series copy() {
      Series c = new Series(id, run, key, false);
      c.points = points;
      c.lastValue = lastValue;
      c.lastStep = lastStep;
      c.lastTs = lastTs;
      c.min = min;
      c.max = max;
      return c;
    }

    void add(Metric m) {
      points++;
      if (points >= (1L << SERIES_SHIFT)) {
        throw new FlightdeckException(
            "The metric '" + key + "' of run " + run + " has reached 4,294,967,295 points.",
            "Log it under another key or in a new run.");
      }
      if (m.step() > lastStep || (m.step() == lastStep && m.timestampMs() >= lastTs)) {
        lastValue = m.value();
        lastStep = m.step();
        lastTs = m.timestampMs();
      }
      double v = m.value();
      if (Double.isFinite(v)) {
        min = Double.isNaN(min) ? v : Math.min(min, v);
        max = Double.isNaN(max) ? v : Math.max(max, v);
      }
    }
  }
}
