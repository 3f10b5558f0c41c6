package io.flightdeck.controllers.runs;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.views.runs.CompareView;
import io.flightdeck.views.runs.GroupView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fills the Compare tab (overlaid curves, params side by side, a param-vs-metric scatter) and the
 * Groups tab (mean line with a min-max band per group). Histories load on the task runner.
 */
final class RunComparison {
  /** Groups chart at most this many runs (the first ones in table order). */
  static final int MAX_GROUPED_RUNS = 200;

  private final CompareView compare;
  private final GroupView groupsView;
  private final TrackingRepository repo;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final ChartBinding compareChart;
  private final ChartBinding groupChart;
  private List<RunRow> compared = List.of();
  private Map<String, List<RunRow>> groups = Map.of();
  private int compareGen;
  private int groupGen;

  RunComparison(
      CompareView compare,
      GroupView groups,
      TrackingRepository repo,
      TaskRunner tasks,
      ErrorPresenter errors) {
    this.compare = compare;
    this.groupsView = groups;
    this.repo = repo;
    this.tasks = tasks;
    this.errors = errors;
    this.compareChart = new ChartBinding(compare.chart());
    this.groupChart = new ChartBinding(groups.chart());
    compare.metricProperty().addListener((o, a, b) -> loadCompareCurves());
    compare.scatterParamProperty().addListener((o, a, b) -> updateScatter());
    compare.scatterMetricProperty().addListener((o, a, b) -> updateScatter());
    groups.metricProperty().addListener((o, a, b) -> loadGroupCurves());
  }

  /** Compares these runs (2..N); the curves show the metric with the most points. */
  void compare(List<RunRow> runs) {
    compared = List.copyOf(runs);
    compare.setRuns(runs.stream().map(r -> RunRows.displayName(r.info())).toList());
    compare.rows().setAll(RunRows.compare(runs));
    List<String> metrics = metricKeys(runs);
    compare.metricChoices().setAll(metrics);
    compare.scatterMetricChoices().setAll(metrics);
    List<String> numeric = RunRows.numericParams(runs);
    compare.scatterParamChoices().setAll(numeric);
    String m = RunRows.longestMetric(runs);
    if (java.util.Objects.equals(m, compare.metricProperty().get())) {
      loadCompareCurves();
    } else {
      compare.metricProperty().set(m);
    }
    if (compare.scatterParamProperty().get() == null
        || !numeric.contains(compare.scatterParamProperty().get())) {
      compare.scatterParamProperty().set(numeric.isEmpty() ? null : numeric.get(0));
    }
    if (compare.scatterMetricProperty().get() == null
        || !metrics.contains(compare.scatterMetricProperty().get())) {
      compare.scatterMetricProperty().set(m);
    }
    updateScatter();
  }

  private static List<String> metricKeys(List<RunRow> runs) {
    TreeSet<String> keys = new TreeSet<>();
    runs.forEach(r -> keys.addAll(r.metrics().keySet()));
    return List.copyOf(keys);
  }

  private void loadCompareCurves() {
    String key = compare.metricProperty().get();
    List<RunRow> runs = compared;
    if (key == null || runs.isEmpty()) {
      compareChart.clear();
      return;
    }
    int gen = ++compareGen;
    tasks.submit(
        "Loading " + key + " of " + runs.size() + " runs",
        p ->
            runs.stream()
                .map(
                    r ->
                        ChartPrep.Raw.of(
                            RunRows.displayName(r.info()),
                            repo.metricHistory(r.info().runId(), key),
                            r.info().start()))
                .toList(),
        raws -> {
          if (gen == compareGen) {
            compareChart.showLines(raws);
          }
        },
        e -> errors.show("Load " + key + " of the compared runs", e));
  }

  private void updateScatter() {
    String param = compare.scatterParamProperty().get();
    String metric = compare.scatterMetricProperty().get();
    if (param == null || metric == null) {
      compare.scatter().setPoints(new double[0], new double[0], "", "");
      return;
    }
    double[] x = new double[compared.size()], y = new double[compared.size()];
    for (int i = 0; i < compared.size(); i++) {
      RunRow r = compared.get(i);
      x[i] = RunRows.number(r.params().get(param));
      MetricSummary s = r.metrics().get(metric);
      y[i] = s == null ? Double.NaN : s.last();
    }
    compare.scatter().setPoints(x, y, "params." + param, metric + " (last)");
  }

  /** Groups the shown runs by {@code key} ("" clears the Groups tab). */
  void group(List<RunRows.Entry> shown, String key) {
    if (key == null || key.isEmpty()) {
      groups = Map.of();
      groupsView.summaryProperty().set("Choose Group by in the toolbar.");
      groupChart.clear();
      return;
    }
    List<RunRows.Entry> limited = shown.stream().limit(MAX_GROUPED_RUNS).toList();
    Map<String, List<RunRow>> g = new LinkedHashMap<>();
    RunRows.group(limited, key)
        .forEach(
            (v, es) ->
                g.put(v.isEmpty() ? "(none)" : v, es.stream().map(RunRows.Entry::run).toList()));
    groups = g;
    List<String> metrics = metricKeys(limited.stream().map(RunRows.Entry::run).toList());
    groupsView.metricChoices().setAll(metrics);
    groupsView
        .summaryProperty()
        .set(
            g.size()
                + " groups by "
                + key
                + (shown.size() > MAX_GROUPED_RUNS
                    ? " (first " + MAX_GROUPED_RUNS + " runs)"
                    : ""));
    String current = groupsView.metricProperty().get();
    if (current != null && metrics.contains(current)) {
      loadGroupCurves();
    } else {
      groupsView
          .metricProperty()
          .set(RunRows.longestMetric(limited.stream().map(RunRows.Entry::run).toList()));
    }
  }

  private void loadGroupCurves() {
    String key = groupsView.metricProperty().get();
    Map<String, List<RunRow>> g = groups;
    if (key == null || g.isEmpty()) {
      groupChart.clear();
      return;
    }
    int gen = ++groupGen;
    tasks.submit(
        "Loading " + key + " of " + g.size() + " groups",
        p -> {
          Map<String, List<ChartPrep.Raw>> out = new LinkedHashMap<>();
          g.forEach(
              (name, runs) -> {
                List<ChartPrep.Raw> raws = new ArrayList<>();
                runs.forEach(
                    r ->
                        raws.add(
                            ChartPrep.Raw.of(
                                name,
                                repo.metricHistory(r.info().runId(), key),
                                r.info().start())));
                out.put(name, raws);
              });
          return out;
        },
        bands -> {
          if (gen == groupGen) {
            groupChart.showBands(bands);
          }
        },
        e -> errors.show("Load " + key + " of the groups", e));
  }
}
