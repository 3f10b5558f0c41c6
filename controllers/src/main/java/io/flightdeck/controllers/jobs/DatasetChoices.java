package io.flightdeck.controllers.jobs;

import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetSummary;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.views.jobs.TrainingDataFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the Train and Sweep dialogs offer to train on: every dataset version (newest first) and,
 * once one is chosen, its columns (all as targets, numeric ones as features, the declared target
 * suggested).
 */
final class DatasetChoices {
  private final DatasetService datasets;
  private final TaskRunner tasks;

  DatasetChoices(DatasetService datasets, TaskRunner tasks) {
    this.datasets = datasets;
    this.tasks = tasks;
  }

  /** Every version as "name:version", newest first. Blocking: call on the task runner. */
  List<String> versions() {
    List<String> out = new ArrayList<>();
    for (DatasetSummary s : datasets.list()) {
      for (DatasetVersionInfo v : datasets.versions(s.name())) {
        out.add(0, v.ref().toString());
      }
    }
    return out;
  }

  /** Loads the columns of each version chosen in {@code fields}; a failure goes to problem. */
  void follow(TrainingDataFields fields, Consumer<String> problem) {
    fields.dataset().valueProperty().addListener((o, a, b) -> loadColumns(fields, b, problem));
  }

  private void loadColumns(TrainingDataFields fields, String version, Consumer<String> problem) {
    if (version == null || version.isBlank()) {
      return;
    }
    tasks.submitQuietly(
        "Reading columns",
        p -> datasets.version(DatasetRef.parse(version)).schema(),
        schema -> {
          List<String> all = schema.stream().map(ColumnSpec::name).toList();
          List<String> numeric =
              schema.stream()
                  .filter(c -> c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL)
                  .map(ColumnSpec::name)
                  .toList();
          String target =
              schema.stream()
                  .filter(c -> c.role() == ColumnRole.TARGET)
                  .map(ColumnSpec::name)
                  .findFirst()
                  .orElse(null);
          fields.setColumns(all, numeric, target);
        },
        e -> problem.accept(message(e)));
  }

  static String message(Throwable e) {
    return e instanceof FlightdeckException fe ? fe.oneLine() : String.valueOf(e.getMessage());
  }
}
