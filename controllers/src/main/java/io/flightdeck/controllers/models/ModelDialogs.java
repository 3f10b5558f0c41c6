package io.flightdeck.controllers.models;

import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryVerification;
import io.flightdeck.views.common.ReasonDialogView;
import io.flightdeck.views.models.ApproveDialogView;
import io.flightdeck.views.models.ProtectDialogView;
import io.flightdeck.views.models.RegisterDialogView;
import io.flightdeck.views.models.VerifyProblemRow;
import io.flightdeck.views.models.VerifyResultView;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Register, Approve, Protect, Delete, MLflow export and import, and Verify Registry. */
final class ModelDialogs {
  private final ModelsContext ctx;
  private final FileDialogs files;
  private final Supplier<List<String>> modelNames;
  private final Consumer<ModelVersion> registered;
  private final Runnable changed;
  private final Consumer<Object> shownDialog;

  ModelDialogs(
      ModelsContext ctx,
      FileDialogs files,
      Supplier<List<String>> modelNames,
      Consumer<ModelVersion> registered,
      Runnable changed,
      Consumer<Object> shownDialog) {
    this.ctx = ctx;
    this.files = files;
    this.modelNames = modelNames;
    this.registered = registered;
    this.changed = changed;
    this.shownDialog = shownDialog;
  }

  void chooseAndRegister(String suggestedModel) {
    files
        .open("Register Model", "ONNX models", "*.onnx")
        .ifPresent(f -> registerFile(f, suggestedModel, "", ""));
  }

  void registerFile(Path file, String model, String description, String problem) {
    String name = model.isEmpty() ? stem(file.getFileName().toString()) : model;
    RegisterDialogView d =
        new RegisterDialogView(
            ctx.owner().get(), file.getFileName().toString(), modelNames.get(), name);
    d.description().setText(description);
    d.showProblem(problem);
    shownDialog.accept(d);
    d.show(
        c ->
            ctx.tasks()
                .submit(
                    "Registering " + file.getFileName(),
                    p -> ctx.backend().registerFile(file, c[0], c[1]),
                    this::done,
                    e ->
                        retry(
                            e,
                            "Register " + file.getFileName(),
                            () -> registerFile(file, c[0], c[1], ModelsContext.message(e)))));
  }

  void registerRun(String runId, String artifactPath, String model, String problem) {
    RegisterDialogView d =
        new RegisterDialogView(
            ctx.owner().get(),
            "run " + ModelRows.shortId(runId) + ": " + artifactPath,
            modelNames.get(),
            model);
    d.showProblem(problem);
    shownDialog.accept(d);
    d.show(
        c ->
            ctx.tasks()
                .submit(
                    "Registering " + artifactPath + " of run " + ModelRows.shortId(runId),
                    p -> ctx.backend().registerRun(runId, artifactPath, c[0]),
                    this::done,
                    e ->
                        retry(
                            e,
                            "Register " + artifactPath,
                            () ->
                                registerRun(runId, artifactPath, c[0], ModelsContext.message(e)))));
  }

  private void done(ModelVersion v) {
    ctx.notifier()
        .accept(
            "Registered "
                + v.ref()
                + " ("
                + v.task()
                + ", sha256 "
                + v.sha256().substring(0, 12)
                + ")");
    registered.accept(v);
  }

  private void retry(Throwable e, String what, Runnable reopen) {
    if (ModelsContext.refusal(e)) {
      reopen.run();
    } else {
      ctx.errors().show(what, e);
    }
  }

  static String stem(String file) {
    String s = file.replaceAll("(?i)\\.onnx$", "").replaceAll("[^\\w.\\- ]", "-").strip();
    return s.isEmpty() ? "model" : s;
  }

  void approve(String model, int version, Set<String> protectedAliases) {
    ApproveDialogView d =
        new ApproveDialogView(
            ctx.owner().get(),
            model + ":" + version,
            protectedAliases.stream().sorted().toList(),
            ctx.user());
    shownDialog.accept(d);
    d.show(
        c ->
            ctx.tasks()
                .submit(
                    "Approving " + c.alias() + " → v" + version,
                    p -> {
                      ctx.backend().approve(model, c.alias(), version, c.requester(), c.reason());
                      return c;
                    },
                    x -> {
                      ctx.notifier()
                          .accept(
                              "Approved moving " + c.alias() + " of " + model + " to v" + version);
                      changed.run();
                    },
                    e -> ctx.errors().show("Approve " + c.alias() + " of " + model, e)));
  }

  void protect(String model, Set<String> current) {
    ProtectDialogView d = new ProtectDialogView(ctx.owner().get(), model, current);
    shownDialog.accept(d);
    d.show(
        aliases ->
            ctx.tasks()
                .submit(
                    "Protecting aliases of " + model,
                    p -> {
                      ctx.backend().protect(model, aliases);
                      return aliases;
                    },
                    a -> {
                      ctx.notifier()
                          .accept(
                              a.isEmpty()
                                  ? "No alias of " + model + " is protected"
                                  : "Protected " + String.join(", ", a));
                      changed.run();
                    },
                    e -> ctx.errors().show("Protect aliases of " + model, e)));
  }

  void delete(String model, int version) {
    ReasonDialogView d =
        new ReasonDialogView(
            ctx.owner().get(),
            "Delete " + model + " v" + version,
            "The version is kept for history, greyed, and its number is never reused. A version"
                + " that holds an alias cannot be deleted.",
            "Delete");
    shownDialog.accept(d);
    d.show(
        reason ->
            ctx.tasks()
                .submit(
                    "Deleting " + model + " v" + version,
                    p -> {
                      ctx.backend().deleteVersion(model, version, reason);
                      return version;
                    },
                    v -> {
                      ctx.notifier().accept("Deleted " + model + " v" + version);
                      changed.run();
                    },
                    e -> ctx.errors().show("Delete " + model + " v" + version, e)));
  }

  void exportMlflow(String model, int version) {
    files
        .folder("Export " + model + " v" + version + " as an MLflow model")
        .ifPresent(
            dir ->
                ctx.tasks()
                    .submit(
                        "Exporting " + model + " v" + version,
                        p ->
                            ctx.backend()
                                .exportMlflow(
                                    model, version, dir.resolve(stem(model) + "-v" + version)),
                        out ->
                            ctx.notifier()
                                .accept("Exported " + model + " v" + version + " to " + out),
                        e -> ctx.errors().show("Export " + model + " v" + version, e)));
  }

  void importMlflow(String suggestedModel) {
    files
        .folder("Import an MLflow model folder")
        .ifPresent(
            dir -> {
              String name =
                  suggestedModel.isEmpty() ? stem(dir.getFileName().toString()) : suggestedModel;
              RegisterDialogView d =
                  new RegisterDialogView(
                      ctx.owner().get(),
                      "MLflow model " + dir.getFileName(),
                      modelNames.get(),
                      name);
              shownDialog.accept(d);
              d.show(
                  c ->
                      ctx.tasks()
                          .submit(
                              "Importing " + dir.getFileName(),
                              p -> ctx.backend().importMlflow(dir, c[0]),
                              this::done,
                              e -> ctx.errors().show("Import " + dir.getFileName(), e)));
            });
  }

  void verify() {
    ctx.tasks()
        .submit(
            "Verifying the registry",
            p -> ctx.backend().verify(),
            this::showVerification,
            e -> ctx.errors().show("Verify the registry", e));
  }

  private void showVerification(RegistryVerification r) {
    List<VerifyProblemRow> rows =
        r.problems().stream()
            .map(
                p ->
                    new VerifyProblemRow(
                        p.model(), "v" + p.version(), p.file(), p.expected(), p.actual()))
            .toList();
    VerifyResultView v = new VerifyResultView(ctx.owner().get(), r.checked(), rows);
    shownDialog.accept(v);
    v.show();
  }
}
