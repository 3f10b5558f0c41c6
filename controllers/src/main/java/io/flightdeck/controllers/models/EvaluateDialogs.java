package io.flightdeck.controllers.models;

import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetSummary;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.views.models.EvaluateDialogView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluate…: choose a dataset version and columns, run the evaluation; a refusal about the choices
 * reopens the dialog with it, anything else (an altered artifact) goes to the error dialog.
 */
final class EvaluateDialogs {
  private final ModelsContext ctx;
  private final DatasetService datasets;
  private final Consumer<EvaluationResult> evaluated;
  private final Consumer<Object> shownDialog;

  EvaluateDialogs(
      ModelsContext ctx,
      DatasetService datasets,
      Consumer<EvaluationResult> evaluated,
      Consumer<Object> shownDialog) {
    this.ctx = ctx;
    this.datasets = datasets;
    this.evaluated = evaluated;
    this.shownDialog = shownDialog;
  }

  void open(ModelVersion v, EvaluateDialogView.Choice earlier, String problem) {
    EvaluateDialogView d =
        new EvaluateDialogView(ctx.owner().get(), v.ref(), v.signature().featureNames());
    d.showProblem(problem);
    d.dataset().valueProperty().addListener((o, a, b) -> loadColumns(d, b, earlier));
    ctx.tasks()
        .submit(
            "Listing datasets",
            p -> versions(),
            list -> {
              d.dataset().getItems().setAll(list);
              if (earlier != null) {
                d.restore(earlier);
              } else if (!list.isEmpty()) {
                d.dataset().setValue(list.get(0));
              }
            },
            e -> ctx.errors().show("List datasets", e));
    shownDialog.accept(d);
    d.show(c -> submit(v, c));
  }

  private List<String> versions() {
    List<String> out = new ArrayList<>();
    for (DatasetSummary s : datasets.list()) {
      for (DatasetVersionInfo info : datasets.versions(s.name())) {
        out.add(0, info.ref().toString());
      }
    }
    return out;
  }

  private void loadColumns(EvaluateDialogView d, String ref, EvaluateDialogView.Choice earlier) {
    if (ref == null || ref.isBlank()) {
      return;
    }
    ctx.tasks()
        .submitQuietly(
            "Reading columns",
            p -> datasets.version(DatasetRef.parse(ref)).schema(),
            schema -> {
              String target =
                  schema.stream()
                      .filter(c -> c.role() == ColumnRole.TARGET)
                      .map(ColumnSpec::name)
                      .findFirst()
                      .orElse(null);
              d.setColumns(schema.stream().map(ColumnSpec::name).toList(), target);
              if (earlier != null && ref.equals(earlier.dataset())) {
                d.target().setValue(earlier.target());
                d.group().setValue(earlier.group());
              }
            },
            e -> d.showProblem(ModelsContext.message(e)));
  }

  private void submit(ModelVersion v, EvaluateDialogView.Choice c) {
    ctx.tasks()
        .submit(
            "Evaluating " + v.ref() + " on " + c.dataset(),
            p -> {
              ModelsBackend.EvalChoice choice =
                  new ModelsBackend.EvalChoice(
                      DatasetRef.parse(c.dataset()),
                      c.target(),
                      mapping(c),
                      c.group().isBlank() ? null : c.group(),
                      number(c.repeats(), "Permutation repeats", 0, 100),
                      number(c.seed(), "Seed", Long.MIN_VALUE, Long.MAX_VALUE));
              ImportProgress progress =
                  new ImportProgress() {
                    @Override
                    public void update(io.flightdeck.core.dataset.ImportStatus s) {
                      p.update(
                          s.fraction(),
                          String.format(java.util.Locale.ROOT, "%,d rows scored", s.rows()));
                    }

                    @Override
                    public boolean isCancelled() {
                      return p.isCancelled();
                    }
                  };
              return ctx.backend().evaluate(v.model(), v.version(), choice, progress);
            },
            r -> {
              ctx.notifier()
                  .accept(
                      "Evaluated "
                          + v.ref()
                          + " on "
                          + r.dataset()
                          + ": "
                          + ModelRows.headline(r.metrics()));
              evaluated.accept(r);
            },
            e -> {
              if (ModelsContext.aboutInput(
                  e, "column", "mapping", "feature", "target", "whole number", "dataset")) {
                open(v, c, ModelsContext.message(e));
              } else {
                ctx.errors().show("Evaluate " + v.ref(), e);
              }
            });
  }

  private static java.util.Map<String, String> mapping(EvaluateDialogView.Choice c) {
    if (c.mapping().containsKey("")) {
      throw new FlightdeckException(
          "The column mapping line '" + c.mapping().get("") + "' is not feature=column.",
          "Write one feature=column per line, e.g. temp_max=tmax.");
    }
    return c.mapping();
  }

  private static int number(String text, String what, long min, long max) {
    return (int)
        Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, longNumber(text, what, min, max)));
  }

  private static long longNumber(String text, String what, long min, long max) {
    try {
      long v = Long.parseLong(text.strip());
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          what + " '" + text + "' is not a whole number from " + min + " to " + max + ".",
          "Enter a whole number, e.g. 3.");
    }
  }
}
