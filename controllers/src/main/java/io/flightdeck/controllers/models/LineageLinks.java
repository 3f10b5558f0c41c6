package io.flightdeck.controllers.models;

import io.flightdeck.views.models.LineageNode;
import io.flightdeck.views.models.ModelsView;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the lineage graph clickable both ways: a click on a version selects it in the versions
 * table; a double-click opens a dataset version in Datasets, a run in Runs, a version or an alias's
 * holder here.
 */
final class LineageLinks {
  private final ModelsView view;
  private final Supplier<String> model;
  private final Consumer<String> openRun;
  private final Consumer<String> openDataset;

  /**
   * @param quiet true while the controller itself changes the graph (selections are then ignored)
   */
  LineageLinks(
      ModelsView view,
      Supplier<String> model,
      BooleanSupplier quiet,
      Consumer<String> openRun,
      Consumer<String> openDataset) {
    this.view = view;
    this.model = model;
    this.openRun = openRun;
    this.openDataset = openDataset;
    view.lineage().setOnOpen(this::open);
    view.lineage()
        .selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (!quiet.getAsBoolean() && b != null && b.kind() == LineageNode.Kind.VERSION) {
                select(b.target());
              }
            });
  }

  private void select(String ref) {
    int colon = ref.lastIndexOf(':');
    if (ref.substring(0, colon).equals(model.get())) {
      view.selectVersion(Integer.parseInt(ref.substring(colon + 1)));
    }
  }

  private void open(LineageNode n) {
    switch (n.kind()) {
      case DATASET -> openDataset.accept(n.target());
      case RUN -> openRun.accept(n.target());
      case VERSION, ALIAS -> {
        select(n.target());
        view.showTab("tab-model-overview");
      }
    }
  }
}
