package io.flightdeck.controllers.models;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetSummary;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportStatus;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.views.models.ModelsToolbar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Score Dataset: scores a dataset version with the selected model version in the background
 * (progress and Cancel in the status bar); the predictions become a new dataset version whose
 * lineage names both. A refusal (missing features, an altered artifact) goes to the error dialog.
 */
final class ScoreActions {
  private final ModelsContext ctx;
  private final DatasetService datasets;
  private final ModelsToolbar toolbar;
  private final Supplier<Optional<ModelVersion>> selected;

  ScoreActions(
      ModelsContext ctx,
      DatasetService datasets,
      ModelsToolbar toolbar,
      Supplier<Optional<ModelVersion>> selected) {
    this.ctx = ctx;
    this.datasets = datasets;
    this.toolbar = toolbar;
    this.selected = selected;
  }

  /** Reloads the dataset versions offered in the menu. */
  void loadChoices() {
    ctx.tasks()
        .submitQuietly(
            "Listing datasets",
            p -> {
              List<String> out = new ArrayList<>();
              for (DatasetSummary s : datasets.list()) {
                for (DatasetVersionInfo v : datasets.versions(s.name())) {
                  out.add(0, v.ref().toString());
                }
              }
              return out;
            },
            list -> toolbar.setScoreChoices(list, this::score),
            e -> ctx.errors().show("List datasets", e));
  }

  void score(String dataset) {
    selected.get().ifPresent(v -> score(v, dataset));
  }

  private void score(ModelVersion v, String dataset) {
    ctx.tasks()
        .submit(
            "Scoring " + dataset + " with " + v.ref(),
            p ->
                ctx.backend()
                    .score(
                        v.model(),
                        v.version(),
                        DatasetRef.parse(dataset),
                        new ImportProgress() {
                          @Override
                          public void update(ImportStatus s) {
                            p.update(
                                s.fraction(),
                                String.format(Locale.ROOT, "%,d rows scored", s.rows()));
                          }

                          @Override
                          public boolean isCancelled() {
                            return p.isCancelled();
                          }
                        }),
            out -> {
              ctx.notifier()
                  .accept(
                      "Scored "
                          + dataset
                          + " with "
                          + v.ref()
                          + ": new dataset version "
                          + out.ref()
                          + " ("
                          + out.lineage().rows()
                          + " rows with prediction and probability columns)");
              loadChoices();
            },
            e -> ctx.errors().show("Score " + dataset + " with " + v.ref(), e));
  }
}
