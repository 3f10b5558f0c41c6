package io.flightdeck.controllers.models;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.views.models.AliasRow;
import io.flightdeck.views.models.ModelVersionRow;
import io.flightdeck.views.models.ModelsView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The Models section: registered models and versions, aliases with their history, approvals,
 * evaluations and lineage. Registry calls run on the task runner; refusals reopen the dialog with
 * the service's sentence shown.
 *
 * <p>Hooks: {@link #showVersion} selects a version (from lineage, other sections), {@link
 * #registerRunArtifact} opens Register for a run's {@code .onnx} artifact, {@link #registerFiles}
 * for dropped files, {@link #refresh()} reloads.
 */
public final class ModelsController {
  private final ModelsView view;
  private final ModelsContext ctx;
  private final TrackingRepository runs;
  private final VersionDetail detail;
  private final PromoteDialogs promote;
  private final ModelDialogs dialogs;
  private final ScoreActions scoring;
  private final EvaluateDialogs evaluate;
  private ModelState loaded = ModelState.EMPTY;
  private String wantedModel;
  private Integer wantedVersion;
  private Object lastDialog;
  private boolean applying;

  /**
   * @param openRun shows a run in the Runs section
   * @param openDataset shows a dataset version ("name:version") in the Datasets section
   */
  public ModelsController(
      ModelsView view,
      ModelsBackend backend,
      TrackingRepository runs,
      DatasetService datasets,
      TaskRunner tasks,
      ErrorPresenter errors,
      FileDialogs files,
      Consumer<String> notifier,
      Supplier<Window> owner,
      String user,
      Consumer<String> openRun,
      Consumer<String> openDataset) {
    this.view = view;
    this.runs = runs;
    this.ctx = new ModelsContext(backend, tasks, errors, owner, notifier, user);
    Consumer<Object> shown = d -> lastDialog = d;
    this.detail = new VersionDetail(view, ctx);
    this.promote = new PromoteDialogs(ctx, this::refresh, shown);
    this.dialogs =
        new ModelDialogs(
            ctx,
            files,
            () -> List.copyOf(view.models()),
            v -> showVersion(v.model(), v.version()),
            this::refresh,
            shown);
    this.evaluate =
        new EvaluateDialogs(
            ctx,
            datasets,
            r -> {
              view.showTab("tab-model-evaluations");
              selected().ifPresent(v -> detail.loadEvaluations(v, Optional.of(r.id())));
            },
            shown);
    view.toolbar().registerButton().setOnAction(e -> dialogs.chooseAndRegister(model()));
    view.toolbar().importItem().setOnAction(e -> dialogs.importMlflow(model()));
    view.toolbar().verifyButton().setOnAction(e -> dialogs.verify());
    onVersion(view.toolbar().evaluateButton(), v -> evaluate.open(v, null, ""));
    this.scoring = new ScoreActions(ctx, datasets, view.toolbar(), this::selected);
    view.toolbar().scoreMenu().setOnShowing(e -> scoring.loadChoices());
    onVersion(
        view.toolbar().promoteButton(),
        v -> promote.promote(v.model(), liveVersions(), v.version(), null, ""));
    onVersion(
        view.toolbar().approveButton(),
        v -> dialogs.approve(v.model(), v.version(), protectedAliases()));
    onVersion(view.toolbar().deleteButton(), v -> dialogs.delete(v.model(), v.version()));
    view.toolbar().protectButton().setOnAction(e -> dialogs.protect(model(), protectedAliases()));
    view.toolbar()
        .exportItem()
        .setOnAction(e -> selected().ifPresent(v -> dialogs.exportMlflow(v.model(), v.version())));
    Runnable rollback =
        () ->
            Optional.ofNullable(view.aliases().currentTable().getSelectionModel().getSelectedItem())
                .ifPresent(a -> promote.rollback(model(), a));
    view.toolbar().rollbackButton().setOnAction(e -> rollback.run());
    view.aliases().rollbackButton().setOnAction(e -> rollback.run());
    view.setOnModelFilesDropped(list -> registerFiles(list.stream().map(File::toPath).toList()));
    view.selectedModelProperty().addListener((o, a, b) -> loadModel(b));
    view.selectedVersionProperty().addListener((o, a, b) -> showSelected(b));
    new LineageLinks(view, this::model, () -> applying, openRun, openDataset);
  }

  /** Reloads the models list and the selected model. */
  public void refresh() {
    scoring.loadChoices();
    ctx.tasks()
        .submit(
            "Loading models",
            p -> ctx.backend().models().stream().map(ModelInfo::name).toList(),
            names -> {
              String keep = wantedModel != null ? wantedModel : model();
              view.models().setAll(names);
              String pick = names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
              if (pick != null && pick.equals(view.selectedModelProperty().get())) {
                loadModel(pick);
              } else {
                view.modelsList().getSelectionModel().select(pick);
              }
            },
            e -> ctx.errors().show("Load the models", e));
  }

  /** Selects a version (switching model when needed) and shows its Overview. */
  public void showVersion(String model, int version) {
    wantedModel = model;
    wantedVersion = version;
    refresh();
  }

  /** Opens Register for a run's ONNX artifact. */
  public void registerRunArtifact(String runId, String artifactPath) {
    String name =
        runs.run(runId).map(r -> r.name().isBlank() ? "" : ModelDialogs.stem(r.name())).orElse("");
    dialogs.registerRun(
        runId, artifactPath, name.isEmpty() ? ModelDialogs.stem(model()) : name, "");
  }

  /** Opens Register for each {@code .onnx} file (e.g. dropped on the section). */
  public void registerFiles(List<Path> files) {
    files.forEach(f -> dialogs.registerFile(f, model(), "", ""));
  }

  /**
   * The dialog shown last (tests): a view from {@code io.flightdeck.views.models} or a
   * ReasonDialogView.
   */
  public Object lastDialog() {
    return lastDialog;
  }

  private String model() {
    return Objects.requireNonNullElse(view.selectedModelProperty().get(), "");
  }

  private void loadModel(String model) {
    if (model == null) {
      view.versions().clear();
      return;
    }
    ctx.tasks()
        .submitQuietly(
            "Loading " + model,
            p -> ModelState.load(ctx.backend(), runs, model),
            this::apply,
            e -> ctx.errors().show("Load " + model, e));
  }

  private void apply(ModelState l) {
    if (l.info() == null || !l.info().name().equals(model())) {
      return;
    }
    loaded = l;
    Integer keep =
        wantedVersion != null && l.info().name().equals(wantedModel)
            ? wantedVersion
            : Optional.ofNullable(view.selectedVersionProperty().get())
                .filter(r -> r.model().equals(model()))
                .map(ModelVersionRow::version)
                .orElse(null);
    wantedModel = null;
    wantedVersion = null;
    view.versions().setAll(l.versions().stream().map(v -> ModelRows.row(v, l.aliases())).toList());
    if (keep == null && !l.versions().isEmpty()) {
      keep = l.versions().get(l.versions().size() - 1).version();
    }
    if (keep != null) {
      view.selectVersion(keep);
    }
    String alias =
        Optional.ofNullable(view.aliases().currentTable().getSelectionModel().getSelectedItem())
            .map(AliasRow::alias)
            .orElse(null);
    view.aliases().current().setAll(l.aliasRows());
    view.aliases().current().stream()
        .filter(r -> r.alias().equals(alias))
        .findFirst()
        .ifPresent(r -> view.aliases().currentTable().getSelectionModel().select(r));
    view.aliases().history().setAll(l.historyRows());
    view.aliases().holderAlias().getItems().setAll(l.aliasNames());
    applying = true;
    view.lineage().setGraph(l.lineage().nodes(), l.lineage().edges());
    applying = false;
    selected()
        .ifPresent(v -> view.lineage().select(LineageBuilder.versionId(v.model(), v.version())));
  }

  private void onVersion(javafx.scene.control.ButtonBase button, Consumer<ModelVersion> action) {
    button.setOnAction(e -> selected().ifPresent(action));
  }

  private Optional<ModelVersion> selected() {
    ModelVersionRow row = view.selectedVersionProperty().get();
    return row == null ? Optional.empty() : loaded.version(row.model(), row.version());
  }

  private void showSelected(ModelVersionRow row) {
    ModelVersion v = selected().orElse(null);
    detail.show(v, liveVersions());
    if (v != null) {
      view.lineage().select(LineageBuilder.versionId(v.model(), v.version()));
    }
  }

  private List<Integer> liveVersions() {
    return loaded.liveVersions();
  }

  private Set<String> protectedAliases() {
    return loaded.protectedAliases();
  }
}
