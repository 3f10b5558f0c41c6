package io.flightdeck.controllers.runs;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.shell.FileOpener;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.core.tracking.query.RunFilter;
import io.flightdeck.core.tracking.query.RunFilterException;
import io.flightdeck.core.workspace.ArtifactStore;
import io.flightdeck.views.runs.ExperimentItem;
import io.flightdeck.views.runs.RunTableRow;
import io.flightdeck.views.runs.RunsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Fills the runs view: experiments with run counts, the runs table (filtered with an MLflow-style
 * expression, chosen columns, grouping), the selected run's detail with live charts, comparison,
 * CSV export. Storage reads run on the task runner; everything else on the FX thread.
 *
 * <p>Hooks for other features: {@link #refresh()} reloads everything, {@link #showRun(String)}
 * selects a run (e.g. one a training job just started) and follows it live while it is RUNNING.
 */
public final class RunsController {
  private final RunsView view;
  private final TrackingService tracking;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final FileDialogs files;
  private final RunDetails details;
  private final RunComparison comparison;
  private final PauseTransition debounce = new PauseTransition(Duration.millis(300));
  private List<RunRows.Entry> all = List.of();
  private List<RunRows.Entry> shown = List.of();
  private RunFilter filter = RunFilter.ALL;
  private boolean columnsConfigured;
  private String pendingRun;
  private String pendingGroup;
  private String detailRun;
  private boolean restoring;

  public RunsController(
      RunsView view,
      TrackingService tracking,
      ArtifactStore artifacts,
      TaskRunner tasks,
      ErrorPresenter errors,
      Consumer<String> notifier,
      FileDialogs files,
      FileOpener opener) {
    this.view = view;
    this.tracking = tracking;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.files = files;
    this.details = new RunDetails(view.detail(), tracking, tasks, errors, notifier);
    this.comparison =
        new RunComparison(view.compare(), view.groups(), tracking.repository(), tasks, errors);
    RunArtifacts artifactActions =
        new RunArtifacts(artifacts, tasks, errors, notifier, files, opener);
    view.detail().setOnOpenArtifact(artifactActions::open);
    view.detail().setOnSaveArtifact(artifactActions::saveAs);
    view.setOnRefresh(this::refresh);
    MlflowActions mlflow =
        new MlflowActions(tracking, artifacts, tasks, errors, notifier, files, this::refresh);
    view.setOnMlflow(
        mlflow::importFolder,
        () -> mlflow.exportExperiment(view.selectedExperimentProperty().get()));
    view.setOnExport(this::export);
    view.setOnCompare(this::compareSelected);
    view.setOnOpenRun(this::showRun);
    view.setOnFilterSubmitted(
        () -> {
          debounce.stop();
          applyFilterText();
        });
    debounce.setOnFinished(e -> applyFilterText());
    view.filterTextProperty().addListener((o, a, b) -> debounce.playFromStart());
    view.selectedExperimentProperty()
        .addListener(
            (o, a, b) -> {
              if (!restoring) {
                apply();
              }
            });
    view.groupByProperty().addListener((o, a, b) -> comparison.group(shown, b));
    view.chosenColumns()
        .addListener((javafx.collections.ListChangeListener<Object>) c -> columnsConfigured = true);
    view.setOnSelectionChanged(this::selectionChanged);
    details.setOnRunEnded(this::refresh);
  }

  private record Loaded(List<Experiment> experiments, List<RunRows.Entry> entries) {}

  /** Reloads experiments and runs (keeping the selection) and the shown run. */
  public void refresh() {
    var repo = tracking.repository();
    tasks.submit(
        "Loading runs",
        p -> new Loaded(tracking.experiments(), RunRows.map(repo.runRows(null), Instant.now())),
        this::loaded,
        e -> errors.show("Load the runs", e));
  }

  /** Selects the run (switching to its experiment when needed) and shows its detail. */
  public void showRun(String runId) {
    pendingRun = runId;
    refresh();
  }

  /**
   * Shows every run grouped by a key ({@code tags.flightdeck.sweep}, {@code params.epochs}), on the
   * Groups tab, once the runs are reloaded.
   */
  public void showGroupedBy(String key) {
    pendingGroup = key;
    refresh();
  }

  private void loaded(Loaded l) {
    all = l.entries();
    Map<Long, Long> counts =
        all.stream()
            .collect(
                Collectors.groupingBy(e -> e.run().info().experimentId(), Collectors.counting()));
    Long selected =
        view.selectedExperimentProperty().get() == null
            ? null
            : view.selectedExperimentProperty().get().id();
    List<ExperimentItem> items = new ArrayList<>();
    items.add(new ExperimentItem(null, "All runs", all.size()));
    l.experiments()
        .forEach(
            e ->
                items.add(
                    new ExperimentItem(
                        e.id(), e.name(), counts.getOrDefault(e.id(), 0L).intValue())));
    RunRows.Keys keys = RunRows.keys(all);
    view.setAvailableKeys(keys.params(), keys.tags(), keys.metrics());
    String group = pendingGroup != null ? pendingGroup : view.groupByProperty().get();
    boolean regroup = pendingGroup != null;
    pendingGroup = null;
    view.groupByChoices().setAll(RunRows.groupChoices(keys));
    view.groupByProperty().set(group);
    if (!columnsConfigured) {
      view.chosenColumns().setAll(RunRows.defaultColumns(keys));
      columnsConfigured = false;
    }
    String pending = pendingRun;
    pendingRun = null;
    Long select = regroup ? null : selected; // a regroup shows All runs
    if (pending != null) {
      RunRows.Entry target =
          all.stream().filter(e -> e.row().runId().equals(pending)).findFirst().orElse(null);
      if (target != null) {
        select = target.run().info().experimentId();
        if (!filter.test(target.run())) {
          view.filterTextProperty().set("");
          debounce.stop();
          filter = RunFilter.ALL;
          view.clearFilterError();
        }
      }
    }
    restoring = true;
    view.experiments().setAll(items);
    view.selectExperiment(select);
    restoring = false;
    apply();
    if (pending != null) {
      view.selectRun(pending);
      view.showTab("tab-run-charts");
    }
    if (regroup) {
      view.showTab("tab-groups");
    }
    if (detailRun != null) {
      details.show(detailRun);
    }
  }

  private void applyFilterText() {
    try {
      filter = RunFilter.parse(view.filterTextProperty().get());
      view.clearFilterError();
      apply();
    } catch (RunFilterException e) {
      view.showFilterError(e.getMessage(), e.column() - 1);
    }
  }

  /**
   * Shows the runs of the selected experiment that match the filter, keeping selection and sort.
   */
  private void apply() {
    ExperimentItem exp = view.selectedExperimentProperty().get();
    Long id = exp == null ? null : exp.id();
    List<String> selected = view.selectedRows().stream().map(RunTableRow::runId).toList();
    List<RunRows.Entry> out = new ArrayList<>();
    for (RunRows.Entry e : all) {
      if ((id == null || id == e.run().info().experimentId()) && filter.test(e.run())) {
        out.add(e);
      }
    }
    shown = out;
    restoring = true;
    view.rows().setAll(out.stream().map(RunRows.Entry::row).toList());
    view.sortRows();
    view.selectRuns(selected);
    restoring = false;
    selectionChanged();
    view.countTextProperty().set(out.size() + " of " + all.size() + " runs");
    comparison.group(shown, view.groupByProperty().get());
  }

  private void selectionChanged() {
    if (restoring) {
      return;
    }
    List<RunTableRow> sel = view.selectedRows();
    String id = sel.isEmpty() ? null : sel.get(sel.size() - 1).runId();
    if (!Objects.equals(id, detailRun)) {
      detailRun = id;
      details.show(id);
    }
  }

  private void compareSelected() {
    List<String> ids = view.selectedRows().stream().map(RunTableRow::runId).toList();
    List<RunRow> runs =
        shown.stream().map(RunRows.Entry::run).filter(r -> ids.contains(r.info().runId())).toList();
    if (runs.size() < 2) {
      return;
    }
    comparison.compare(runs);
    view.showTab("tab-compare");
  }

  private void export() {
    var table = view.snapshot();
    files
        .save("Export Runs", "runs.csv", "CSV files", "*.csv")
        .ifPresent(
            target ->
                tasks.submit(
                    "Exporting runs",
                    p -> RunsCsv.write(table, target),
                    n -> notifier.accept("Exported " + n + " runs to " + target),
                    e -> errors.show("Export the runs", e)));
  }

  /**
   * Hook for the registry: "Register Model…" on the shown run's selected {@code .onnx} artifact
   * calls {@code action} with the run id and the artifact path.
   */
  public void setOnRegisterModel(java.util.function.BiConsumer<String, String> action) {
    view.detail()
        .setOnRegisterArtifact(
            a -> {
              if (detailRun != null && a != null) {
                action.accept(detailRun, a.path());
              }
            });
  }

  /** Stops live refreshing (when the workspace closes). */
  public void dispose() {
    debounce.stop();
    details.dispose();
  }
}
