package io.flightdeck.controllers.runs;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.mlflow.ExportSummary;
import io.flightdeck.core.mlflow.ImportSummary;
import io.flightdeck.core.mlflow.MlflowProgress;
import io.flightdeck.core.mlflow.MlrunsExporter;
import io.flightdeck.core.mlflow.MlrunsImporter;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.core.workspace.ArtifactStore;
import io.flightdeck.views.runs.ExperimentItem;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports an MLflow {@code mlruns/} folder (progress in the status bar, cancellable between runs)
 * and exports the selected experiment back to one.
 */
final class MlflowActions {
  private final TrackingService tracking;
  private final ArtifactStore artifacts;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final FileDialogs files;
  private final Runnable refresh;

  MlflowActions(
      TrackingService tracking,
      ArtifactStore artifacts,
      TaskRunner tasks,
      ErrorPresenter errors,
      Consumer<String> notifier,
      FileDialogs files,
      Runnable refresh) {
    this.tracking = tracking;
    this.artifacts = artifacts;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.files = files;
    this.refresh = refresh;
  }

  private static MlflowProgress progress(TaskRunner.Progress p, String verb) {
    return new MlflowProgress() {
      @Override
      public void update(int done, int total, String current) {
        p.update(total == 0 ? -1 : (double) done / total, verb + " run " + done + " of " + total);
      }

      @Override
      public boolean isCancelled() {
        return p.isCancelled();
      }
    };
  }

  void importFolder() {
    files
        .folder("Import an MLflow mlruns/ folder")
        .ifPresent(
            dir ->
                tasks.submit(
                    "Importing " + dir.getFileName(),
                    p ->
                        new MlrunsImporter(tracking.repository(), artifacts, Clock.systemUTC())
                            .importFrom(dir, progress(p, "importing")),
                    (ImportSummary s) -> {
                      notifier.accept(
                          "Imported "
                              + s.runsImported()
                              + " runs ("
                              + s.metricPoints()
                              + " metric points, "
                              + s.artifacts()
                              + " artifacts) from "
                              + dir
                              + (s.runsSkipped() == 0
                                  ? ""
                                  : "; skipped " + s.runsSkipped() + " already here"));
                      refresh.run();
                    },
                    e -> {
                      errors.show("Import " + dir, e);
                      refresh.run();
                    }));
  }

  void exportExperiment(ExperimentItem item) {
    if (item == null || item.id() == null) {
      notifier.accept("Choose one experiment to export.");
      return;
    }
    files
        .folder("Export '" + item.name() + "' into an mlruns/ folder")
        .ifPresent(
            dir ->
                tasks.submit(
                    "Exporting " + item.name(),
                    p ->
                        new MlrunsExporter(tracking.repository(), artifacts)
                            .export(item.id(), List.of(), dir, progress(p, "exporting")),
                    (ExportSummary s) ->
                        notifier.accept(
                            "Exported "
                                + s.runs()
                                + " runs of '"
                                + item.name()
                                + "' to "
                                + s.experimentDir()),
                    e -> errors.show("Export '" + item.name() + "'", e)));
  }
}
