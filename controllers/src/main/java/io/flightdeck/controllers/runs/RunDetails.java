package io.flightdeck.controllers.runs;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.views.runs.RunDetailView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Fills the run detail: facts, params, tags, notes, artifacts, log and charts of one run, and
 * refreshes them every 500 ms while the run is RUNNING (a timeline on the FX thread that submits
 * small reads to the task runner, one at a time).
 */
final class RunDetails {
  static final int LOG_LINES = 500;
  private final RunDetailView view;
  private final TrackingService tracking;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final ChartBinding charts;
  private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(500), e -> poll()));
  private final PauseTransition chartsDebounce = new PauseTransition(Duration.millis(60));
  private final List<String> logLines = new ArrayList<>();
  private Runnable onRunEnded = () -> {};
  private RunInfo run;
  private long lastLogSeq;
  private boolean pollInFlight;
  private int generation;

  RunDetails(
      RunDetailView view,
      TrackingService tracking,
      TaskRunner tasks,
      ErrorPresenter errors,
      Consumer<String> notifier) {
    this.view = view;
    this.tracking = tracking;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.charts = new ChartBinding(view.chart());
    poll.setCycleCount(Animation.INDEFINITE);
    view.setOnSaveNotes(this::saveNotes);
    view.selectedMetricKeys()
        .addListener(
            (javafx.collections.ListChangeListener<String>) c -> chartsDebounce.playFromStart());
    chartsDebounce.setOnFinished(e -> loadCharts());
  }

  void setOnRunEnded(Runnable r) {
    onRunEnded = r;
  }

  Optional<RunInfo> shown() {
    return Optional.ofNullable(run);
  }

  private record Loaded(
      RunRow row,
      Optional<RunInfo> parent,
      List<RunInput> inputs,
      List<RunArtifact> artifacts,
      String note,
      List<String> metricKeys,
      LogTail log) {}

  /** Shows a run (null clears the pane). */
  void show(String runId) {
    int gen = ++generation;
    poll.stop();
    if (runId == null) {
      run = null;
      clear();
      return;
    }
    var repo = tracking.repository();
    tasks.submit(
        "Loading run",
        p -> {
          RunRow row =
              repo.runRow(runId).orElseThrow(() -> new IllegalStateException("No run " + runId));
          Optional<RunInfo> parent =
              Optional.ofNullable(row.info().parentRunId()).flatMap(repo::run);
          return new Loaded(
              row,
              parent,
              repo.inputs(runId),
              repo.artifacts(runId),
              repo.note(runId),
              repo.metricKeys(runId),
              LogTail.read(repo, runId, 0, LOG_LINES));
        },
        l -> {
          if (gen == generation) {
            fill(l);
          }
        },
        e -> errors.show("Load the run " + runId, e));
  }

  private void clear() {
    view.info().clear();
    view.inputs().clear();
    view.params().clear();
    view.tags().clear();
    view.artifacts().clear();
    view.metricKeys().clear();
    view.savedNotesProperty().set("");
    view.notesProperty().set("");
    view.logProperty().set("");
    view.setParent(null, null);
    view.liveProperty().set(false);
    charts.clear();
  }

  private void fill(Loaded l) {
    boolean sameRun = run != null && run.runId().equals(l.row().info().runId());
    run = l.row().info();
    view.info().setAll(RunFacts.facts(l.row()));
    view.setParent(
        run.parentRunId(), l.parent().map(RunRows::displayName).orElse(run.parentRunId()));
    view.inputs().setAll(l.inputs().stream().map(RunFacts::input).toList());
    view.params().setAll(RunFacts.pairs(l.row().params()));
    view.tags().setAll(RunFacts.pairs(l.row().tags()));
    view.artifacts().setAll(l.artifacts().stream().map(RunFacts::artifact).toList());
    view.savedNotesProperty().set(l.note());
    view.notesProperty().set(l.note());
    logLines.clear();
    lastLogSeq = l.log().lastSeq();
    appendLog(l.log().lines());
    List<String> keep = sameRun ? List.copyOf(view.selectedMetricKeys()) : List.of();
    view.metricKeys().setAll(l.metricKeys());
    String longest = RunRows.longestMetric(List.of(l.row()));
    List<String> select = !keep.isEmpty() ? keep : longest == null ? List.of() : List.of(longest);
    view.selectMetricKeys(select);
    if (view.selectedMetricKeys().isEmpty()) {
      charts.clear();
    }
    updateLive();
  }

  private void updateLive() {
    boolean live = run != null && run.status() == RunStatus.RUNNING;
    view.liveProperty().set(live);
    if (live) {
      poll.play();
    } else {
      poll.stop();
    }
  }

  private void loadCharts() {
    if (run == null) {
      return;
    }
    RunInfo r = run;
    List<String> keys = List.copyOf(view.selectedMetricKeys());
    int gen = generation;
    var repo = tracking.repository();
    tasks.submit(
        "Loading metrics of " + RunRows.displayName(r),
        p ->
            keys.stream()
                .map(k -> ChartPrep.Raw.of(k, repo.metricHistory(r.runId(), k), r.start()))
                .toList(),
        raws -> {
          if (gen == generation) {
            charts.showLines(raws);
          }
        },
        e -> errors.show("Load the metrics of " + r.runId(), e));
  }

  private record Polled(RunInfo info, List<String> keys, List<ChartPrep.Raw> raws, LogTail log) {}

  private void poll() {
    if (run == null || pollInFlight) {
      return;
    }
    pollInFlight = true;
    RunInfo r = run;
    List<String> keys = List.copyOf(view.selectedMetricKeys());
    long after = lastLogSeq;
    int gen = generation;
    var repo = tracking.repository();
    tasks.submitQuietly(
        "Refreshing " + RunRows.displayName(r),
        p ->
            new Polled(
                repo.run(r.runId()).orElse(r),
                repo.metricKeys(r.runId()),
                keys.stream()
                    .map(k -> ChartPrep.Raw.of(k, repo.metricHistory(r.runId(), k), r.start()))
                    .toList(),
                LogTail.read(repo, r.runId(), after, LOG_LINES)),
        polled -> {
          pollInFlight = false;
          if (gen == generation) {
            applyPoll(polled);
          }
        },
        e -> {
          pollInFlight = false;
          poll.stop();
          errors.show("Refresh the run " + r.runId(), e);
        });
  }

  private void applyPoll(Polled p) {
    run = p.info();
    if (!p.keys().equals(view.metricKeys())) {
      List<String> keep = List.copyOf(view.selectedMetricKeys());
      view.metricKeys().setAll(p.keys());
      view.selectMetricKeys(keep.isEmpty() ? p.keys().stream().limit(1).toList() : keep);
    } else {
      charts.showLines(p.raws());
    }
    lastLogSeq = Math.max(lastLogSeq, p.log().lastSeq());
    appendLog(p.log().lines());
    if (run.status().terminal()) {
      updateLive();
      show(run.runId());
      onRunEnded.run();
    }
  }

  private void appendLog(List<String> lines) {
    logLines.addAll(lines);
    if (logLines.size() > LOG_LINES) {
      logLines.subList(0, logLines.size() - LOG_LINES).clear();
    }
    view.logProperty().set(String.join("\n", logLines));
  }

  /** Refreshes the shown run now (e.g. after its job wrote to it). */
  void refresh() {
    if (run != null) {
      show(run.runId());
    }
  }

  private void saveNotes() {
    if (run == null) {
      return;
    }
    String id = run.runId();
    String text = view.notesProperty().get();
    tasks.submit(
        "Saving notes",
        p -> {
          tracking.setNote(id, text);
          return tracking.repository().note(id);
        },
        stored -> {
          if (run != null && run.runId().equals(id)) {
            view.savedNotesProperty().set(stored);
          }
          notifier.accept("Saved the notes of run " + RunRows.displayName(run));
        },
        e -> errors.show("Save the notes of run " + id, e));
  }

  void dispose() {
    poll.stop();
    generation++;
  }

  /** The newest log lines after a sequence number. */
  record LogTail(List<String> lines, long lastSeq) {
    static LogTail read(
        io.flightdeck.core.tracking.TrackingRepository repo, String runId, long after, int keep) {
      List<String> out = new ArrayList<>();
      long seq = after;
      while (true) {
        List<RunLogLine> page = repo.log(runId, seq, 5000);
        for (RunLogLine l : page) {
          out.add(l.stream().equals("stdout") ? l.text() : "[" + l.stream() + "] " + l.text());
          seq = l.seq();
        }
        if (out.size() > keep) {
          out.subList(0, out.size() - keep).clear();
        }
        if (page.size() < 5000) {
          return new LogTail(out, seq);
        }
      }
    }
  }
}
