package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drift reports as JSON and CSV. JSON has, per column: {@code column}, {@code type}, {@code
 * method}, {@code statistic}, {@code pValue} (only for tests that have one), {@code threshold},
 * {@code drifted}, row counts; and for the dataset: {@code share}, {@code driftedColumns}, {@code
 * driftShareThreshold}, {@code datasetDrift}, {@code notTested}. Stateless.
 */
public final class DriftReports {
  private DriftReports() {}

  /** The report as a JSON-ready map (insertion-ordered). */
  public static Map<String, Object> toMap(DriftReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", r.reference());
    m.put("current", r.current());
    m.put("computedAt", r.computedAt().toString());
    List<Map<String, Object>> cols = new ArrayList<>();
    for (ColumnDrift c : r.columns()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("column", c.column());
      e.put("type", c.type().name());
      e.put("method", DriftMethodNames.name(c.method()));
      e.put("statistic", finiteOrNull(c.statistic()));
      if (c.pValue() != null) {
        e.put("pValue", finiteOrNull(c.pValue()));
      }
      e.put("threshold", c.threshold());
      e.put("drifted", c.drifted());
      e.put("referenceRows", c.referenceRows());
      e.put("currentRows", c.currentRows());
      e.put("referenceMissing", c.referenceMissing());
      e.put("currentMissing", c.currentMissing());
      cols.add(e);
    }
    m.put("columns", cols);
    m.put("driftedColumns", r.driftedColumns());
    m.put("share", r.share());
    m.put("driftShareThreshold", r.driftShareThreshold());
    m.put("datasetDrift", r.datasetDrift());
    m.put("sampled", r.sampled());
    m.put("notTested", r.notTested());
    return m;
  }

  /** The report as JSON (keys in the documented order, Jackson keeps insertion order here). */
  public static String toJson(DriftReport r) {
    try {
      return Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .without(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsString(toMap(r));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A drift report is always writable as JSON", e);
    }
  }

  /** One CSV row per column, with a header; p_value is empty where undefined. */
  public static String toCsv(DriftReport r) {
    StringBuilder b = new StringBuilder();
    b.append(
        "column,type,method,statistic,p_value,threshold,drifted,reference_rows,current_rows,"
            + "reference_missing,current_missing\n");
    for (ColumnDrift c : r.columns()) {
      b.append(csv(c.column()))
          .append(',')
          .append(c.type())
          .append(',')
          .append(DriftMethodNames.name(c.method()))
          .append(',')
          .append(num(c.statistic()))
          .append(',')
          .append(c.pValue() == null ? "" : num(c.pValue()))
          .append(',')
          .append(num(c.threshold()))
          .append(',')
          .append(c.drifted())
          .append(',')
          .append(c.referenceRows())
          .append(',')
          .append(c.currentRows())
          .append(',')
          .append(c.referenceMissing())
          .append(',')
          .append(c.currentMissing())
          .append('\n');
    }
    return b.toString();
  }

  private static Object finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** A number for people: 4 significant digits. */
  public static String brief(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
    }
    if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
