package io.flightdeck.controllers.models;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.AliasChange;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.RegistryNames;
import io.flightdeck.views.common.ReasonDialogView;
import io.flightdeck.views.models.AliasRow;
import io.flightdeck.views.models.EvaluationRow;
import io.flightdeck.views.models.PromoteDialogView;
import java.util.List;
import java.util.function.Consumer;

/** Promote (with preview, evidence and reason) and one-click Roll Back (confirm with a reason). */
final class PromoteDialogs {
  private final ModelsContext ctx;
  private final Runnable changed;
  private final Consumer<Object> shownDialog;

  PromoteDialogs(ModelsContext ctx, Runnable changed, Consumer<Object> shownDialog) {
    this.ctx = ctx;
    this.changed = changed;
    this.shownDialog = shownDialog;
  }

  private record Preview(
      AliasChange change, List<EvaluationResult> from, List<EvaluationResult> to) {}

  void promote(
      String model,
      List<Integer> versions,
      int version,
      PromoteDialogView.Choice earlier,
      String problem) {
    PromoteDialogView d = new PromoteDialogView(ctx.owner().get(), model, versions, version);
    if (earlier != null) {
      d.alias().getEditor().setText(earlier.alias());
      d.reason().setText(earlier.reason());
      d.showProblem(problem);
    }
    Runnable refresh = () -> preview(d, model);
    d.alias().getEditor().textProperty().addListener((o, a, b) -> refresh.run());
    d.version().valueProperty().addListener((o, a, b) -> refresh.run());
    refresh.run();
    shownDialog.accept(d);
    d.show(
        c ->
            ctx.tasks()
                .submit(
                    "Moving " + c.alias() + " of " + model + " to v" + c.toVersion(),
                    p ->
                        ctx.backend()
                            .moveAlias(model, c.alias(), c.toVersion(), c.reason(), c.evidence()),
                    m -> {
                      ctx.notifier()
                          .accept(
                              c.alias()
                                  + " of "
                                  + model
                                  + ": "
                                  + ModelRows.version(m.fromVersion())
                                  + " → "
                                  + ModelRows.version(m.toVersion()));
                      changed.run();
                    },
                    e -> {
                      if (ModelsContext.refusal(e)
                          && !ModelsContext.aboutInput(e, "approval", "approve")) {
                        promote(model, versions, c.toVersion(), c, ModelsContext.message(e));
                      } else {
                        ctx.errors().show("Promote " + model + " v" + c.toVersion(), e);
                      }
                    }));
  }

  private void preview(PromoteDialogView d, String model) {
    String alias = d.aliasText();
    Integer to = d.version().getValue();
    try {
      RegistryNames.alias(alias);
      d.setAliasError("");
    } catch (FlightdeckException e) {
      d.setAliasError(e.oneLine());
      return;
    }
    if (to == null) {
      return;
    }
    ctx.tasks()
        .submitQuietly(
            "Previewing " + alias,
            p -> {
              AliasChange c = ctx.backend().preview(model, alias, to);
              List<EvaluationResult> from =
                  c.fromVersion() == null
                      ? List.of()
                      : newest(ctx.backend().evaluations(model, c.fromVersion()));
              return new Preview(c, from, newest(ctx.backend().evaluations(model, to)));
            },
            pv -> {
              if (!alias.equals(d.aliasText()) || !to.equals(d.version().getValue())) {
                return; // the user typed on; a newer preview is coming
              }
              AliasChange c = pv.change();
              String change =
                  alias
                      + ": "
                      + ModelRows.version(c.fromVersion())
                      + " → v"
                      + c.toVersion()
                      + (c.fromVersion() != null && c.fromVersion() == c.toVersion()
                          ? "  (already there)"
                          : "");
              String protection =
                  !c.protectedAlias()
                      ? "Not protected: no approval needed."
                      : c.openApproval()
                          .map(
                              a ->
                                  "Protected: approved by "
                                      + a.approver()
                                      + " for "
                                      + a.requester()
                                      + " ("
                                      + a.reason()
                                      + ").")
                          .orElse(
                              "Protected: needs an approval first (Approve… as another person).");
              d.setPreview(
                  change,
                  protection,
                  c.fromVersion() == null
                      ? "Current holder: none"
                      : "Current holder v" + c.fromVersion(),
                  rows(pv.from()),
                  "Target v" + c.toVersion(),
                  rows(pv.to()));
            },
            e -> d.showProblem(ModelsContext.message(e)));
  }

  private static List<EvaluationResult> newest(List<EvaluationResult> all) {
    return all.subList(0, Math.min(5, all.size()));
  }

  private static List<EvaluationRow> rows(List<EvaluationResult> list) {
    return list.stream().map(ModelRows::evaluation).toList();
  }

  void rollback(String model, AliasRow alias) {
    if (alias.previous().isEmpty()) {
      ctx.errors()
          .show(
              "Roll back " + alias.alias(),
              new FlightdeckException(
                  alias.alias() + " of " + model + " has no previous holder.",
                  "Promote another version instead."));
      return;
    }
    ReasonDialogView d =
        new ReasonDialogView(
            ctx.owner().get(),
            "Roll Back " + alias.alias(),
            "Move "
                + alias.alias()
                + " of "
                + model
                + " back from v"
                + alias.version()
                + " to its previous holder "
                + alias.previous()
                + ". The move is kept in the alias history with your reason.",
            "Roll Back");
    shownDialog.accept(d);
    d.show(
        reason ->
            ctx.tasks()
                .submit(
                    "Rolling back " + alias.alias(),
                    p -> ctx.backend().rollback(model, alias.alias(), reason),
                    m -> {
                      ctx.notifier()
                          .accept(
                              "Rolled back "
                                  + alias.alias()
                                  + " of "
                                  + model
                                  + " to "
                                  + ModelRows.version(m.toVersion()));
                      changed.run();
                    },
                    e -> ctx.errors().show("Roll back " + alias.alias() + " of " + model, e)));
  }
}
