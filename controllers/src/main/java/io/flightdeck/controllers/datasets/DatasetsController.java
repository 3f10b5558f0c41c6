package io.flightdeck.controllers.datasets;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.dataset.BadRowPolicy;
import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.CsvDialect;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetSummary;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.TextEncoding;
import io.flightdeck.core.dataset.ValidationStatus;
import io.flightdeck.core.dataset.contract.ValidationReport;
import io.flightdeck.views.datasets.DatasetVersionRow;
import io.flightdeck.views.datasets.DatasetsView;
import io.flightdeck.views.datasets.ImportChoices;
import io.flightdeck.views.datasets.ImportDialogView;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Fills the datasets view: versions, overview, profiles, validation; runs imports (dialog, drop,
 * sample) and exports on the task runner with progress and cancel.
 */
public final class DatasetsController {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private final DatasetsView view;
  private final DatasetService service;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final FileDialogs files;
  private final Supplier<Window> owner;
  private final ContractDialogs contracts;
  private Consumer<List<String>> onVersionsChanged = refs -> {};
  private Consumer<DatasetRef> onOpenDrift = ref -> {};
  private Consumer<DatasetRef> onTrain = ref -> {};
  private Consumer<ImportDialogView> onImportDialogShown = d -> {};
  private final ProfilePresenter profiles;

  public DatasetsController(
      DatasetsView view,
      DatasetService service,
      TaskRunner tasks,
      ErrorPresenter errors,
      Consumer<String> notifier,
      FileDialogs files,
      Supplier<Window> owner) {
    this.view = view;
    this.service = service;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    this.files = files;
    this.owner = owner;
    this.profiles = new ProfilePresenter(view);
    this.contracts = new ContractDialogs(service, tasks, errors, owner);
    view.setOnImport(this::chooseAndImport);
    view.setOnLoadSample(this::loadSample);
    view.setOnExport(this::export);
    view.setOnValidate(this::validate);
    view.setOnOverride(this::override);
    view.setOnEditContract(
        () ->
            selectedRef()
                .ifPresent(
                    ref ->
                        contracts.edit(
                            ref, () -> notifier.accept("Saved the contract of " + ref.name()))));
    view.setOnDrift(() -> selectedRef().ifPresent(ref -> onOpenDrift.accept(ref)));
    view.setOnTrain(() -> selectedRef().ifPresent(ref -> onTrain.accept(ref)));
    view.selectedVersionProperty().addListener((o, a, row) -> showVersion(row));
    view.selectedProfileProperty().addListener((o, a, row) -> profiles.showDetail(row));
  }

  /** Called with every version's {@code NAME:N} after each refresh (for the drift pickers). */
  public void setOnVersionsChanged(Consumer<List<String>> c) {
    onVersionsChanged = c;
  }

  /** Called when the user asks for drift from a version. */
  /** What "Train…" does with the selected version. */
  public void setOnTrain(Consumer<DatasetRef> c) {
    onTrain = c;
  }

  /** What "Sweep…" does with the selected version. */
  public void setOnSweep(Consumer<DatasetRef> c) {
    view.setOnSweep(() -> selectedRef().ifPresent(c));
  }

  public void setOnOpenDrift(Consumer<DatasetRef> c) {
    onOpenDrift = c;
  }

  /** Called when a contract dialog is shown (tests drive it). */
  public void setOnContractDialogShown(
      Consumer<io.flightdeck.views.datasets.ContractDialogView> c) {
    contracts.setOnShown(c);
  }

  /** Called when a reason dialog is shown (tests drive it). */
  public void setOnReasonDialogShown(Consumer<io.flightdeck.views.common.ReasonDialogView> c) {
    onReasonDialogShown = c;
  }

  private Consumer<io.flightdeck.views.common.ReasonDialogView> onReasonDialogShown = d -> {};

  private void override() {
    selectedRef()
        .ifPresent(
            ref -> {
              var dialog =
                  new io.flightdeck.views.common.ReasonDialogView(
                      owner.get(),
                      "Allow use of " + ref,
                      ref
                          + " failed validation against its contract. Allowing its use (e.g. for training) is"
                          + " recorded in the audit trail with your reason.",
                      "Allow Use");
              dialog.show(
                  reason ->
                      tasks.submit(
                          "Recording the override of " + ref,
                          p -> service.overrideFailedValidation(ref, reason),
                          v -> {
                            notifier.accept("Use of " + ref + " allowed: " + reason);
                            refresh(Optional.of(ref.toString()));
                          },
                          e -> errors.show("Allow use of " + ref, e)));
              onReasonDialogShown.accept(dialog);
            });
  }

  /** Called when the import dialog is shown (tests drive it). */
  public void setOnImportDialogShown(Consumer<ImportDialogView> c) {
    onImportDialogShown = c;
  }

  private Optional<DatasetRef> selectedRef() {
    DatasetVersionRow row = view.selectedVersionProperty().get();
    return row == null
        ? Optional.empty()
        : Optional.of(new DatasetRef(row.dataset(), row.version()));
  }

  /** Reloads the versions list, then selects {@code select} if given. */
  public void refresh(Optional<String> select) {
    tasks.submit(
        "Loading datasets",
        p -> {
          List<DatasetVersionInfo> all = new ArrayList<>();
          for (DatasetSummary s : service.list()) {
            all.addAll(service.versions(s.name()));
          }
          return all;
        },
        all -> {
          String keep =
              select.orElse(
                  Optional.ofNullable(view.selectedVersionProperty().get())
                      .map(DatasetVersionRow::ref)
                      .orElse(""));
          view.versions().setAll(all.stream().map(DatasetsController::toRow).toList());
          onVersionsChanged.accept(all.stream().map(v -> v.ref().toString()).toList());
          if (!keep.isEmpty()) {
            view.selectVersion(keep);
          } else if (!view.versions().isEmpty()) {
            view.selectVersion(view.versions().get(view.versions().size() - 1).ref());
          }
        },
        e -> errors.show("Load the datasets", e));
  }

  static DatasetVersionRow toRow(DatasetVersionInfo v) {
    String status =
        switch (v.validation()) {
          case PASSED -> "passed";
          case FAILED ->
              v.overrideReason().isPresent() ? "FAILED (overridden)" : "FAILED validation";
          case NOT_VALIDATED -> "not validated";
        };
    return new DatasetVersionRow(
        v.ref().name(),
        v.ref().version(),
        v.lineage().rows(),
        v.lineage().columns(),
        TIME.format(v.lineage().importedAt()) + " by " + v.lineage().importedBy(),
        status,
        v.validation() == ValidationStatus.FAILED);
  }

  private void showVersion(DatasetVersionRow row) {
    if (row == null) {
      return;
    }
    DatasetRef ref = new DatasetRef(row.dataset(), row.version());
    tasks.submit(
        "Loading " + ref,
        p -> new Loaded(service.version(ref), service.profiles(ref), service.lastValidation(ref)),
        l -> {
          view.overviewTextProperty().set(Overview.text(l.info()));
          profiles.show(l.info(), l.profiles());
          showValidation(l.validation());
        },
        e -> errors.show("Load " + ref, e));
  }

  private record Loaded(
      DatasetVersionInfo info,
      List<ColumnProfile> profiles,
      Optional<ValidationReport> validation) {}

  private void showValidation(Optional<ValidationReport> report) {
    view.issues().setAll(report.map(ValidationRows::rows).orElse(List.of()));
    view.validationSummaryProperty()
        .set(
            report
                .map(ValidationRows::summary)
                .orElse(
                    "Not validated yet. Use Validate… to check it against the dataset's contract."));
  }

  /** Asks for a CSV file and imports it. */
  public void chooseAndImport() {
    files
        .open("Import CSV", "CSV files", "*.csv", "*.csv.gz", "*.tsv", "*.txt")
        .ifPresent(this::importFile);
  }

  /** Previews {@code file}, shows the import dialog, and imports on confirmation. */
  public void importFile(Path file) {
    preview(file, Optional.empty(), Optional.empty(), preview -> showImportDialog(file, preview));
  }

  private void preview(
      Path file,
      Optional<TextEncoding> enc,
      Optional<CsvDialect> dialect,
      Consumer<ImportPreview> then) {
    tasks.submit(
        "Reading " + file.getFileName(),
        p -> service.preview(file, enc, dialect),
        then,
        e -> errors.show("Read " + file, e));
  }

  private void showImportDialog(Path file, ImportPreview first) {
    List<String> types =
        Arrays.stream(io.flightdeck.core.dataset.ColumnType.values()).map(Enum::name).toList();
    List<String> roles = Arrays.stream(ColumnRole.values()).map(Enum::name).toList();
    ImportDialogView dialog = new ImportDialogView(owner.get(), file.toString(), types, roles);
    ImportPreview[] current = {first};
    fill(dialog, first);
    dialog.setDatasetName(defaultName(file));
    dialog.setOnDialectChanged(
        () -> {
          ImportChoices c = dialog.choices();
          TextEncoding enc = encodingOf(c, current[0].dialect().encoding());
          CsvDialect d =
              new CsvDialect(c.delimiter(), c.header(), current[0].dialect().quote(), enc);
          preview(
              file,
              Optional.of(enc),
              Optional.of(d),
              p -> {
                current[0] = p;
                fill(dialog, p);
              });
        });
    dialog.show(choices -> runImport(toRequest(current[0], choices)));
    onImportDialogShown.accept(dialog);
  }

  private static void fill(ImportDialogView dialog, ImportPreview p) {
    dialog.setDialect(
        ImportDialogView.labelOf(p.dialect().delimiter()),
        p.dialect().header(),
        p.dialect().encoding() == TextEncoding.LATIN_1 ? "ISO-8859-1" : "UTF-8");
    List<String> problems = new ArrayList<>(p.problems());
    p.encodingProblem()
        .ifPresent(
            ep ->
                problems.add(
                    0,
                    ep.message()
                        + " Choose ISO-8859-1 (Latin-1) as the encoding if the file was written that way."));
    dialog.setPreview(
        p.columns().stream().map(ColumnSpec::name).toList(),
        p.columns().stream().map(c -> c.type().name()).toList(),
        p.columns().stream().map(c -> c.role().name()).toList(),
        p.rows(),
        String.join("\n", problems));
  }

  static ImportRequest toRequest(ImportPreview p, ImportChoices c) {
    List<ColumnSpec> specs = new ArrayList<>();
    for (int i = 0; i < p.columns().size(); i++) {
      ColumnSpec base = p.columns().get(i);
      ImportChoices.Column chosen = c.columns().get(i);
      ColumnSpec s = base;
      if (!chosen.type().equals(base.type().name())) {
        s = s.withType(io.flightdeck.core.dataset.ColumnType.valueOf(chosen.type()), "");
      }
      s = s.withRole(ColumnRole.valueOf(chosen.role()));
      specs.add(s);
    }
    TextEncoding enc = encodingOf(c, p.dialect().encoding());
    CsvDialect dialect = new CsvDialect(c.delimiter(), c.header(), p.dialect().quote(), enc);
    return new ImportRequest(
        p.file(),
        c.datasetName(),
        dialect,
        specs,
        c.skipBadRows() ? BadRowPolicy.SKIP_AND_COUNT : BadRowPolicy.FAIL);
  }

  /**
   * The encoding the user chose: Latin-1 when picked; otherwise UTF-8, keeping a detected
   * byte-order mark (a switch back from Latin-1 means plain UTF-8).
   */
  static TextEncoding encodingOf(ImportChoices c, TextEncoding detected) {
    if ("ISO-8859-1".equals(c.charset())) {
      return TextEncoding.LATIN_1;
    }
    return detected == TextEncoding.LATIN_1 ? TextEncoding.UTF_8 : detected;
  }

  static String defaultName(Path file) {
    String n = file.getFileName().toString().replaceAll("(?i)\\.(csv|tsv|txt)(\\.gz)?$", "");
    return n.replaceAll("[^\\w.\\- ]", "_");
  }

  private void runImport(ImportRequest request) {
    tasks.submit(
        "Importing " + request.file().getFileName(),
        p -> service.importCsv(request, Progresses.of(p)),
        v -> {
          notifier.accept(
              "Imported "
                  + v.ref()
                  + ": "
                  + v.lineage().rows()
                  + " rows"
                  + (v.lineage().skippedRows() > 0
                      ? ", " + v.lineage().skippedRows() + " bad rows skipped"
                      : ""));
          refresh(Optional.of(v.ref().toString()));
        },
        e -> errors.show("Import " + request.file(), e));
  }

  /** Imports the sample dataset (two versions). */
  public void loadSample() {
    tasks.submit(
        "Loading the sample workspace",
        p -> service.loadSample(Progresses.of(p)),
        vs -> {
          notifier.accept(
              "Loaded the sample: " + vs.stream().map(v -> v.ref().toString()).toList());
          refresh(Optional.of(vs.get(vs.size() - 1).ref().toString()));
        },
        e -> errors.show("Load the sample workspace", e));
  }

  private void export() {
    selectedRef()
        .ifPresent(
            ref ->
                files
                    .save(
                        "Export " + ref,
                        ref.name() + "-v" + ref.version() + ".csv",
                        "CSV files",
                        "*.csv")
                    .ifPresent(
                        out ->
                            tasks.submit(
                                "Exporting " + ref,
                                p -> service.export(ref, out, Progresses.of(p)),
                                n ->
                                    notifier.accept(
                                        "Exported " + n + " rows of " + ref + " to " + out),
                                e -> errors.show("Export " + ref, e))));
  }

  private void validate() {
    selectedRef()
        .ifPresent(
            ref ->
                contracts.ensureContract(
                    ref,
                    () ->
                        tasks.submit(
                            "Validating " + ref,
                            p -> service.validate(ref, Optional.empty()),
                            report -> {
                              showValidation(Optional.of(report));
                              view.showTab(2);
                              refresh(Optional.of(ref.toString()));
                            },
                            e -> errors.show("Validate " + ref, e))));
  }
}
