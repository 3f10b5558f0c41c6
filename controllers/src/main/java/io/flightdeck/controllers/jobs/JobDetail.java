package io.flightdeck.controllers.jobs;

import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.views.charts.ChartSeries;
import io.flightdeck.views.jobs.JobRow;
import io.flightdeck.views.jobs.JobsView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The selected job's state line, live chart and log. Loads only what is new since the last poll for
 * the log; the chart is re-read and reduced to the canvas width (min/max per pixel bucket).
 */
final class JobDetail {
  private static final int LOG_KEEP = 2000;
  private final JobsView view;
  private final TrackingRepository repo;
  private final TaskRunner tasks;
  private final Deque<String> tail = new ArrayDeque<>();
  private String jobId = "";
  private String runId = "";
  private long logSeq;
  private boolean loading;
  private boolean chartLoading;
  private final LiveSeries live = new LiveSeries();

  JobDetail(JobsView view, TrackingRepository repo, TaskRunner tasks) {
    this.view = view;
    this.repo = repo;
    this.tasks = tasks;
    view.metricKey().valueProperty().addListener((o, a, b) -> forceChart());
    view.chart().plotWidthProperty().addListener((o, a, b) -> forceChart());
  }

  /** The job to select once it shows up in the table. */
  String wanted() {
    return jobId;
  }

  void select(String id) {
    jobId = id;
    view.table().getItems().stream()
        .filter(r -> r.jobId().equals(id))
        .findFirst()
        .ifPresent(r -> view.table().getSelectionModel().select(r));
  }

  /** A new job was selected: start over. */
  void show(JobRow row) {
    if (row == null) {
      view.setStateText("No job selected.", false);
      view.cancellableProperty().set(false);
      return;
    }
    if (!row.jobId().equals(jobId) || !row.runId().equals(runId)) {
      jobId = row.jobId();
      runId = row.runId();
      logSeq = 0;
      tail.clear();
      view.setLog("");
      view.metricKey().getItems().clear();
      view.chart().series().clear();
    }
    view.cancellableProperty().set(JobsController.isLive(row.state()));
    stateText(row);
    update(row);
  }

  private void forceChart() {
    if (!runId.isEmpty()) {
      loadChart(runId, view.metricKey().getValue());
    }
  }

  /** Loads what is new for the selected job. */
  void update(JobRow row) {
    if (loading || !row.jobId().equals(jobId)) {
      return;
    }
    loading = true;
    String run = row.runId();
    long after = logSeq;
    tasks.submitQuietly(
        "Loading job " + row.run(),
        p -> new Loaded(repo.log(run, after, LOG_KEEP), repo.metricKeys(run)),
        loaded -> {
          loading = false;
          if (!run.equals(runId)) {
            return;
          }
          applyLog(loaded.log());
          if (!loaded.keys().equals(view.metricKey().getItems())) {
            String chosen = view.metricKey().getValue();
            view.metricKey().getItems().setAll(loaded.keys());
            view.metricKey()
                .setValue(
                    chosen != null && loaded.keys().contains(chosen)
                        ? chosen
                        : preferred(loaded.keys()));
          }
          stateText(row);
          forceChart();
        },
        e -> loading = false);
  }

  private record Loaded(List<RunLogLine> log, List<String> keys) {}

  private static String preferred(List<String> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    return keys.contains("train/loss") ? "train/loss" : keys.get(0);
  }

  private void applyLog(List<RunLogLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder add = new StringBuilder();
    for (RunLogLine l : lines) {
      String text = (l.stream().equals("stdout") ? "" : "[" + l.stream() + "] ") + l.text();
      tail.addLast(text);
      add.append(text).append('\n');
      logSeq = l.seq();
    }
    if (tail.size() > LOG_KEEP) {
      while (tail.size() > LOG_KEEP) {
        tail.removeFirst();
      }
      view.setLog(String.join("\n", tail) + "\n");
    } else {
      view.appendLog(add.toString());
    }
  }

  private void stateText(JobRow row) {
    boolean failed = row.state().equals("FAILED") || row.state().equals("LOST");
    StringBuilder b = new StringBuilder(row.state()).append(" — ").append(row.message());
    if (failed && !tail.isEmpty()) {
      b.append("\nLast log lines:");
      tail.stream().skip(Math.max(0, tail.size() - 5)).forEach(l -> b.append("\n  ").append(l));
    }
    view.setStateText(b.toString(), failed);
  }

  private void loadChart(String run, String key) {
    if (key == null) {
      view.chart().series().clear();
      return;
    }
    if (chartLoading) {
      return;
    }
    chartLoading = true;
    int width = Math.max(100, view.chart().plotWidthProperty().get());
    boolean byTime = view.chart().timeAxisProperty().get();
    // only the points stored since the last read are fetched; the series is kept here
    tasks.submitQuietly(
        "Loading " + key,
        p -> live.read(repo, run, key).reduce(width, byTime),
        s -> {
          chartLoading = false;
          if (run.equals(runId) && key.equals(view.metricKey().getValue())) {
            view.chart().series().setAll(ChartSeries.line(key, s.x(), s.y()));
          }
        },
        e -> chartLoading = false);
  }
}
