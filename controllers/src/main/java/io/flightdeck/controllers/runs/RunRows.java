package io.flightdeck.controllers.runs;

import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.views.runs.ColumnChoice;
import io.flightdeck.views.runs.CompareRow;
import io.flightdeck.views.runs.RunTableRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Maps tracking rows to the runs table's rows and derives keys, defaults and comparisons. */
final class RunRows {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private RunRows() {}

  /** A tracking row with its table row, mapped once per load. */
  record Entry(RunRow run, RunTableRow row) {}

  /** The keys seen across runs, sorted. */
  record Keys(List<String> params, List<String> tags, List<String> metrics) {}

  static List<Entry> map(List<RunRow> runs, Instant now) {
    List<Entry> out = new ArrayList<>(runs.size());
    for (RunRow r : runs) {
      out.add(new Entry(r, toRow(r, now)));
    }
    return out;
  }

  static RunTableRow toRow(RunRow r, Instant now) {
    RunInfo i = r.info();
    Map<String, double[]> metrics = new HashMap<>();
    for (MetricSummary m : r.metrics().values()) {
      metrics.put(m.key(), new double[] {m.last(), m.min(), m.max()});
    }
    Instant end = i.end() != null ? i.end() : now;
    return new RunTableRow(
        i.runId(),
        displayName(i),
        i.status().name(),
        i.start() == null ? "" : TIME.format(i.start()),
        i.start() == null ? -1 : end.toEpochMilli() - i.start().toEpochMilli(),
        i.user(),
        i.host(),
        i.source(),
        r.params(),
        r.tags(),
        metrics);
  }

  static String displayName(RunInfo i) {
    return i.name() == null || i.name().isBlank() ? i.runId().substring(0, 8) : i.name();
  }

  static Keys keys(List<Entry> entries) {
    TreeSet<String> p = new TreeSet<>(), t = new TreeSet<>(), m = new TreeSet<>();
    for (Entry e : entries) {
      p.addAll(e.run().params().keySet());
      t.addAll(e.run().tags().keySet());
      m.addAll(e.run().metrics().keySet());
    }
    return new Keys(List.copyOf(p), List.copyOf(t), List.copyOf(m));
  }

  /** The first few metrics (last value) and params, for a table nobody has configured yet. */
  static List<ColumnChoice> defaultColumns(Keys keys) {
    List<ColumnChoice> out = new ArrayList<>();
    keys.metrics().stream()
        .limit(4)
        .forEach(k -> out.add(ColumnChoice.metric(k, ColumnChoice.Agg.LAST)));
    keys.params().stream().limit(4).forEach(k -> out.add(ColumnChoice.param(k)));
    return out;
  }

  /** Group by choices: "" (none), then params.KEY and tags.KEY (MLflow system tags left out). */
  static List<String> groupChoices(Keys keys) {
    List<String> out = new ArrayList<>();
    out.add("");
    keys.params().forEach(k -> out.add("params." + k));
    keys.tags().stream().filter(k -> !k.startsWith("mlflow.")).forEach(k -> out.add("tags." + k));
    return out;
  }

  /** Every param of the runs, one value per run, flagged where they differ. */
  static List<CompareRow> compare(List<RunRow> runs) {
    TreeSet<String> keys = new TreeSet<>();
    runs.forEach(r -> keys.addAll(r.params().keySet()));
    List<CompareRow> out = new ArrayList<>();
    for (String k : keys) {
      List<String> values = runs.stream().map(r -> r.params().getOrDefault(k, "")).toList();
      boolean differs = values.stream().distinct().count() > 1;
      out.add(new CompareRow(k, values, differs));
    }
    return out;
  }

  /**
   * The metric with the most points over these runs (a curve rather than one value); null if none.
   */
  static String longestMetric(List<RunRow> runs) {
    Map<String, Long> points = new java.util.TreeMap<>();
    for (RunRow r : runs) {
      r.metrics().values().forEach(m -> points.merge(m.key(), m.count(), Long::sum));
    }
    return points.entrySet().stream()
        .max(
            Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** Params whose values parse as numbers in every run that has them (scatter x choices). */
  static List<String> numericParams(List<RunRow> runs) {
    TreeSet<String> out = new TreeSet<>();
    runs.forEach(r -> out.addAll(r.params().keySet()));
    out.removeIf(
        k ->
            runs.stream()
                .map(r -> r.params().get(k))
                .filter(Objects::nonNull)
                .anyMatch(v -> Double.isNaN(number(v))));
    // Params that differ first: they are the ones worth plotting.
    List<String> sorted = new ArrayList<>(out);
    sorted.sort(
        java.util.Comparator.comparing(
            k -> runs.stream().map(r -> r.params().get(k)).distinct().count() <= 1));
    return sorted;
  }

  static double number(String s) {
    try {
      return s == null ? Double.NaN : Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The runs grouped by the value of {@code params.KEY} or {@code tags.KEY}, in value order. */
  static Map<String, List<Entry>> group(List<Entry> entries, String key) {
    Map<String, List<Entry>> groups = new LinkedHashMap<>();
    entries.stream()
        .sorted((a, b) -> RunsTableOrder.compare(a.row().value(key), b.row().value(key)))
        .forEach(e -> groups.computeIfAbsent(e.row().value(key), v -> new ArrayList<>()).add(e));
    return groups;
  }

  /** Numeric-aware order for group values. */
  static final class RunsTableOrder {
    private RunsTableOrder() {}

    static int compare(String a, String b) {
      double x = number(a), y = number(b);
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        return Double.compare(x, y);
      }
      return a.compareTo(b);
    }
  }
}
