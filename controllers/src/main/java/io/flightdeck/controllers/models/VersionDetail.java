package io.flightdeck.controllers.models;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelCard;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.views.models.EvaluationRow;
import io.flightdeck.views.models.EvaluationsPane;
import io.flightdeck.views.models.ModelsView;
import io.flightdeck.views.models.OverviewPane;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The selected version's Overview and Evaluations tabs, and "which version held it at…". */
final class VersionDetail {
  private static final DateTimeFormatter INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm[:ss]]");
  private final ModelsView view;
  private final ModelsContext ctx;
  private ModelVersion shown;
  private List<EvaluationResult> evaluations = List.of();

  VersionDetail(ModelsView view, ModelsContext ctx) {
    this.view = view;
    this.ctx = ctx;
    view.overview().saveButton().setOnAction(e -> saveCard());
    view.aliases().holderAtButton().setOnAction(e -> holderAt());
    view.aliases().holderTime().setOnAction(e -> holderAt());
    EvaluationsPane ev = view.evaluations();
    ev.list()
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> showEvaluation(b));
    ev.compareButton().setOnAction(e -> compare());
  }

  Optional<ModelVersion> shown() {
    return Optional.ofNullable(shown);
  }

  List<EvaluationResult> evaluations() {
    return evaluations;
  }

  void show(ModelVersion v, List<Integer> otherVersions) {
    shown = v;
    OverviewPane o = view.overview();
    if (v == null) {
      o.show("", List.of(), "", "", "", "", "", "");
      view.evaluations().evaluations().clear();
      view.evaluations().clear();
      return;
    }
    o.show(
        ModelRows.facts(v),
        ModelRows.signature(v.signature()),
        ModelRows.featuresText(v.signature()),
        v.description(),
        v.card().intendedUse(),
        v.card().limitations(),
        v.card().notes(),
        ModelRows.tagsText(v.tags()));
    view.evaluations()
        .compareWith()
        .getItems()
        .setAll(otherVersions.stream().filter(n -> n != v.version()).map(n -> "v" + n).toList());
    loadEvaluations(v, Optional.empty());
  }

  void loadEvaluations(ModelVersion v, Optional<Long> select) {
    ctx.tasks()
        .submitQuietly(
            "Loading evaluations",
            p -> ctx.backend().evaluations(v.model(), v.version()),
            list -> {
              if (shown != v) {
                return;
              }
              evaluations = list;
              view.evaluations()
                  .evaluations()
                  .setAll(list.stream().map(ModelRows::evaluation).toList());
              long want = select.orElse(list.isEmpty() ? -1 : list.get(0).id());
              view.evaluations().evaluations().stream()
                  .filter(r -> r.id() == want)
                  .findFirst()
                  .ifPresentOrElse(
                      r -> view.evaluations().list().getSelectionModel().select(r),
                      view.evaluations()::clear);
            },
            e -> ctx.errors().show("Load the evaluations of " + v.ref(), e));
  }

  private void showEvaluation(EvaluationRow row) {
    Optional<EvaluationResult> r =
        evaluations.stream().filter(x -> row != null && x.id() == row.id()).findFirst();
    if (r.isEmpty()) {
      return;
    }
    ctx.tasks()
        .submitQuietly(
            "Reading evaluation",
            p -> EvaluationPresenter.charts(r.get()),
            view.evaluations()::show,
            e -> ctx.errors().show("Show evaluation #" + row.id(), e));
  }

  private void compare() {
    EvaluationRow row = view.evaluations().list().getSelectionModel().getSelectedItem();
    String other = view.evaluations().compareWith().getValue();
    if (row == null || other == null || shown == null) {
      return;
    }
    EvaluationResult mine =
        evaluations.stream().filter(x -> x.id() == row.id()).findFirst().orElseThrow();
    int otherVersion = Integer.parseInt(other.substring(1));
    String model = shown.model();
    ctx.tasks()
        .submit(
            "Comparing v" + mine.version() + " and " + other,
            p -> {
              EvaluationResult theirs =
                  ctx.backend().evaluations(model, otherVersion).stream()
                      .filter(x -> x.dataset().equals(mine.dataset()))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              new FlightdeckException(
                                  model
                                      + " "
                                      + other
                                      + " has no evaluation on "
                                      + mine.dataset()
                                      + ".",
                                  "Evaluate "
                                      + other
                                      + " on "
                                      + mine.dataset()
                                      + " first, then compare."));
              EvaluationResult first = theirs.version() < mine.version() ? theirs : mine;
              EvaluationResult second = first == mine ? theirs : mine;
              return new Object[] {
                first,
                second,
                EvaluationPresenter.compare(first, second),
                EvaluationPresenter.overlaidRoc(first, second)
              };
            },
            res -> {
              EvaluationResult a = (EvaluationResult) res[0], b = (EvaluationResult) res[1];
              @SuppressWarnings("unchecked")
              List<io.flightdeck.views.models.MetricRow> rows =
                  (List<io.flightdeck.views.models.MetricRow>) res[2];
              @SuppressWarnings("unchecked")
              List<io.flightdeck.views.charts.ChartSeries> roc =
                  (List<io.flightdeck.views.charts.ChartSeries>) res[3];
              view.evaluations()
                  .showComparison(
                      model + ": v" + a.version() + " vs v" + b.version() + " on " + a.dataset(),
                      rows,
                      "v" + a.version(),
                      "v" + b.version(),
                      roc);
            },
            e -> ctx.errors().show("Compare " + shown.ref() + " with " + other, e));
  }

  private void saveCard() {
    ModelVersion v = shown;
    OverviewPane o = view.overview();
    ModelCard card =
        new ModelCard(o.intendedUse().getText(), o.limitations().getText(), o.notes().getText());
    String description = o.description().getText();
    String tags = o.tags().getText();
    ctx.tasks()
        .submit(
            "Saving the card of " + v.ref(),
            p -> {
              ctx.backend()
                  .saveCard(v.model(), v.version(), description, card, ModelRows.parseTags(tags));
              return v;
            },
            x -> {
              o.markSaved();
              ctx.notifier().accept("Saved the card of " + v.ref());
            },
            e -> ctx.errors().show("Save the card of " + v.ref(), e));
  }

  private void holderAt() {
    String alias = view.aliases().holderAlias().getValue();
    String text = view.aliases().holderTime().getText().strip();
    String model = view.selectedModelProperty().get();
    if (alias == null || model == null) {
      view.aliases().holderAnswer().setText("Choose an alias.");
      return;
    }
    java.time.Instant at;
    try {
      at =
          (text.length() <= 10
                  ? java.time.LocalDate.parse(text).atStartOfDay()
                  : LocalDateTime.parse(text, INPUT))
              .atZone(ZoneId.systemDefault())
              .toInstant();
    } catch (DateTimeParseException e) {
      view.aliases()
          .holderAnswer()
          .setText("'" + text + "' is not a time: write 2026-11-27 14:30.");
      return;
    }
    ctx.tasks()
        .submit(
            "Looking up " + alias + " at " + text,
            p -> ctx.backend().holderAt(model, alias, at),
            v ->
                view.aliases()
                    .holderAnswer()
                    .setText(
                        v.map(n -> alias + " was held by v" + n + " at " + text)
                            .orElse("No version held " + alias + " at " + text)),
            e -> ctx.errors().show("Look up " + alias, e));
  }
}
