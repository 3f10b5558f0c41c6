package io.flightdeck.controllers.datasets;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.drift.ColumnDrift;
import io.flightdeck.core.dataset.drift.DriftOptions;
import io.flightdeck.core.dataset.drift.DriftOverTime;
import io.flightdeck.core.dataset.drift.DriftReport;
import io.flightdeck.core.dataset.drift.DriftReports;
import io.flightdeck.core.dataset.report.HtmlDriftReport;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.stats.DriftMethod;
import io.flightdeck.views.charts.ChartImages;
import io.flightdeck.views.datasets.DriftRow;
import io.flightdeck.views.datasets.DriftView;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Runs drift between two versions and shows it: the share tile, per-column strengths against the
 * threshold, the table (method overridable per column), and for the selected column its
 * distributions and drift over time.
 */
public final class DriftController {
  private static final int WINDOWS = 8;
  private final DriftView view;
  private final DatasetService service;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final FileDialogs files;
  private DriftOptions options = DriftOptions.defaults();
  private DriftReport report;
  private Optional<DriftOverTime> overTime = Optional.empty();

  public DriftController(
      DriftView view,
      DatasetService service,
      TaskRunner tasks,
      ErrorPresenter errors,
      Consumer<String> notifier,
      FileDialogs files) {
    this.view = view;
    this.service = service;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.files = files;
    view.methodChoices().setAll(Arrays.stream(DriftMethod.values()).map(Enum::name).toList());
    view.setOnRun(this::run);
    view.setOnApplyMethod(this::applyMethod);
    view.setOnExport(this::export);
    view.selectedRowProperty().addListener((o, a, row) -> showColumn(row));
  }

  /** The versions that can be compared. */
  public void setVersions(List<String> refs) {
    String ref = view.referenceProperty().get();
    String cur = view.currentProperty().get();
    view.referenceChoices().setAll(refs);
    view.currentChoices().setAll(refs);
    if (ref != null && refs.contains(ref)) {
      view.referenceProperty().set(ref);
    }
    if (cur != null && refs.contains(cur)) {
      view.currentProperty().set(cur);
    }
  }

  /** Preselects {@code current} and the version before it as the reference. */
  public void prepare(DatasetRef current) {
    view.currentProperty().set(current.toString());
    int refVersion = Math.max(1, current.version() - 1);
    view.referenceProperty().set(new DatasetRef(current.name(), refVersion).toString());
  }

  /** Computes drift for the chosen pair with the current per-column methods. */
  public void run() {
    String ref = view.referenceProperty().get();
    String cur = view.currentProperty().get();
    if (ref == null || cur == null) {
      view.verdictProperty().set("Choose a reference and a current version first.");
      return;
    }
    DatasetRef a = DatasetRef.parse(ref);
    DatasetRef b = DatasetRef.parse(cur);
    DriftOptions opts = options;
    tasks.submit(
        "Computing drift " + a + " → " + b,
        p -> {
          DriftReport r = service.drift(a, b, opts, Progresses.of(p));
          List<ColumnDrift> sorted =
              r.columns().stream()
                  .sorted(Comparator.comparingDouble(HtmlDriftReport::strength).reversed())
                  .toList();
          // Charts are drawn here, off the FX thread; only the finished image is handed to the
          // view.
          Image chart =
              ChartImages.driftScores(
                  "Drift strength per column (score vs threshold; above 1 = drift)",
                  sorted.stream().map(ColumnDrift::column).toList(),
                  sorted.stream().map(HtmlDriftReport::strength).toList(),
                  sorted.stream().map(c -> 1.0).toList(),
                  620,
                  230);
          return new Result(r, sorted, chart, timeline(a, b, opts, p));
        },
        this::show,
        e -> errors.show("Compute drift " + a + " → " + b, e));
  }

  private Optional<DriftOverTime> timeline(
      DatasetRef a, DatasetRef b, DriftOptions opts, TaskRunner.Progress p) {
    DatasetVersionInfo cur = service.version(b);
    boolean hasTime = cur.schema().stream().anyMatch(c -> c.role() == ColumnRole.TIME);
    if (hasTime) {
      return Optional.of(service.driftOverTime(a, b, WINDOWS, opts, Progresses.of(p)));
    }
    List<DatasetRef> series =
        service.versions(b.name()).stream()
            .map(DatasetVersionInfo::ref)
            .filter(r -> !r.equals(a))
            .toList();
    return series.isEmpty()
        ? Optional.empty()
        : Optional.of(service.driftOverVersions(a, series, opts, Progresses.of(p)));
  }

  private record Result(
      DriftReport report,
      List<ColumnDrift> sorted,
      Image scoresChart,
      Optional<DriftOverTime> overTime) {}

  private void show(Result r) {
    report = r.report();
    overTime = r.overTime();
    view.rows().setAll(r.sorted().stream().map(DriftController::row).toList());
    view.showShare(report.driftedColumns(), report.columns().size(), report.datasetDrift());
    view.verdictProperty()
        .set(
            (report.datasetDrift() ? "Dataset drift: " : "No dataset drift: ")
                + report.driftedColumns()
                + " of "
                + report.columns().size()
                + " columns drifted (share "
                + DriftReports.brief(report.share())
                + (report.datasetDrift() ? " ≥ " : " < ")
                + DriftReports.brief(report.driftShareThreshold())
                + ")"
                + (report.sampled() ? " — computed on a sample" : ""));
    view.showScoresChart(r.scoresChart());
    if (!view.rows().isEmpty()) {
      showColumn(view.rows().get(0));
    }
  }

  static DriftRow row(ColumnDrift c) {
    return new DriftRow(
        c.column(),
        c.method().name(),
        c.statistic(),
        c.pValue() == null ? "" : DriftReports.brief(c.pValue()),
        c.threshold(),
        c.drifted());
  }

  private void showColumn(DriftRow row) {
    if (row == null || report == null) {
      return;
    }
    report.columns().stream()
        .filter(c -> c.column().equals(row.column()))
        .findFirst()
        .ifPresent(
            c -> {
              view.methodOverrideProperty().set(c.method().name());
              view.showDistributionChart(DistributionCharts.of(c, 470, 250));
              overTime
                  .flatMap(
                      t ->
                          t.columns().stream()
                              .filter(s -> s.column().equals(c.column()))
                              .findFirst())
                  .ifPresentOrElse(
                      s ->
                          view.showOverTimeChart(
                              DistributionCharts.overTime(overTime.get(), s, 470, 250)),
                      () -> view.showOverTimeChart(null));
            });
  }

  private void applyMethod() {
    DriftRow row = view.selectedRowProperty().get();
    String method = view.methodOverrideProperty().get();
    if (row != null && method != null) {
      options = options.withMethod(row.column(), DriftMethod.valueOf(method));
      run();
    }
  }

  private void export(String format) {
    if (report == null) {
      notifier.accept("Run drift first, then export the report.");
      return;
    }
    DriftReport r = report;
    Optional<DriftOverTime> t = overTime;
    String name =
        "drift-"
            + r.reference().replace(':', '-')
            + "-vs-"
            + r.current().replace(':', '-')
            + "."
            + format;
    files
        .save("Export drift report", name, format.toUpperCase() + " files", "*." + format)
        .ifPresent(
            (Path out) ->
                tasks.submit(
                    "Exporting drift report",
                    p -> {
                      String text =
                          switch (format) {
                            case "html" -> HtmlDriftReport.render(r, t);
                            case "csv" -> DriftReports.toCsv(r);
                            default -> DriftReports.toJson(r);
                          };
                      AtomicFiles.writeString(out, text);
                      return out;
                    },
                    o -> notifier.accept("Saved the drift report to " + o),
                    e -> errors.show("Export the drift report", e)));
  }
}
