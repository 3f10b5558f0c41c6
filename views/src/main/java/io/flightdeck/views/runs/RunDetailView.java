package io.flightdeck.views.runs;

import static io.flightdeck.views.common.Tables.column;

import io.flightdeck.views.charts.MetricChart;
import io.flightdeck.views.shell.MainView;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected run's tabs: facts, params, tags, notes, artifacts, log and metric charts. */
public final class RunDetailView {
  private final TableView<KeyValueRow> info = new TableView<>();
  private final TableView<KeyValueRow> inputs = new TableView<>();
  private final Hyperlink parent = new Hyperlink();
  private final TableView<KeyValueRow> params = new TableView<>();
  private final TableView<KeyValueRow> tags = new TableView<>();
  private final TextArea notes = new TextArea();
  private final StringProperty savedNotes = new SimpleStringProperty("");
  private final Button saveNotes = new Button("Save");
  private final Label notesState = new Label();
  private final TableView<ArtifactRow> artifacts = new TableView<>();
  private final Button openArtifact = new Button("Open");
  private final Button saveArtifact = new Button("Save As…");
  private final Button registerArtifact = new Button("Register Model…");
  private final TextArea log = new TextArea();
  private final ListView<String> metricKeys = new ListView<>();
  private final MetricChart chart = new MetricChart();
  private final BooleanProperty live = new SimpleBooleanProperty(false);
  private final List<Tab> tabs;
  private Consumer<String> onOpenRun = id -> {};
  private Runnable onSaveNotes = () -> {};

  RunDetailView() {
    info.setId("run-info");
    info.getColumns().add(column("Run", KeyValueRow::key, 110));
    info.getColumns().add(column("", KeyValueRow::value, 460));
    info.setPlaceholder(new Label("Select a run."));
    inputs.setId("run-inputs");
    inputs.setPlaceholder(new Label("No dataset inputs recorded."));
    inputs.getColumns().add(column("Dataset input", KeyValueRow::key, 200));
    inputs.getColumns().add(column("SHA-256", KeyValueRow::value, 460));
    inputs.setPrefHeight(110);
    parent.setId("run-parent");
    parent.setVisible(false);
    parent.managedProperty().bind(parent.visibleProperty());
    parent.setOnAction(e -> onOpenRun.accept((String) parent.getUserData()));
    VBox infoBox = new VBox(6, info, parent, inputs);
    VBox.setVgrow(info, Priority.ALWAYS);
    keyValueTable(params, "run-params", "Param", "No params.");
    keyValueTable(tags, "run-tags", "Tag", "No tags.");
    tabs =
        List.of(
            tab("Run", "tab-run-info", infoBox),
            tab("Params", "tab-run-params", params),
            tab("Tags", "tab-run-tags", tags),
            tab("Notes", "tab-run-notes", notesPane()),
            tab("Artifacts", "tab-run-artifacts", artifactsPane()),
            tab("Logs", "tab-run-logs", log),
            tab("Charts", "tab-run-charts", chartsPane()));
    log.setId("run-log");
    log.setEditable(false);
    log.setStyle("-fx-font-family: monospace;");
  }

  private static Tab tab(String title, String id, javafx.scene.Node content) {
    Tab t = new Tab(title, content);
    t.setId(id);
    return t;
  }

  private static void keyValueTable(
      TableView<KeyValueRow> t, String id, String what, String empty) {
    t.setId(id);
    t.setPlaceholder(new Label(empty));
    t.getColumns().add(column(what, KeyValueRow::key, 220));
    t.getColumns().add(column("Value", KeyValueRow::value, 420));
  }

  private VBox notesPane() {
    notes.setId("run-notes");
    notes.setPromptText("Notes on this run (Markdown). Ctrl+S saves.");
    notes.setWrapText(true);
    saveNotes.setId("save-notes");
    notesState.setId("notes-state");
    saveNotes.disableProperty().bind(notes.textProperty().isEqualTo(savedNotes));
    notesState
        .textProperty()
        .bind(
            Bindings.when(notes.textProperty().isEqualTo(savedNotes))
                .then("")
                .otherwise("Unsaved changes"));
    saveNotes.setOnAction(e -> onSaveNotes.run());
    KeyCombination save = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    notes.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (save.match(e)) {
            e.consume();
            if (!saveNotes.isDisabled()) {
              onSaveNotes.run();
            }
          }
        });
    HBox bar = new HBox(8, notesState, MainView.hgrowSpacer(), saveNotes);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, bar, notes);
    VBox.setVgrow(notes, Priority.ALWAYS);
    return box;
  }

  private VBox artifactsPane() {
    artifacts.setId("run-artifacts");
    artifacts.setPlaceholder(new Label("No artifacts."));
    artifacts.getColumns().add(column("Path", ArtifactRow::path, 300));
    artifacts.getColumns().add(column("Size", ArtifactRow::size, 90));
    artifacts.getColumns().add(column("SHA-256", ArtifactRow::sha256, 420));
    openArtifact.setId("open-artifact");
    saveArtifact.setId("save-artifact");
    for (Button b : new Button[] {openArtifact, saveArtifact}) {
      b.disableProperty().bind(artifacts.getSelectionModel().selectedItemProperty().isNull());
    }
    registerArtifact.setId("register-artifact");
    registerArtifact.setTooltip(new javafx.scene.control.Tooltip("Register this ONNX model"));
    registerArtifact
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> {
                  ArtifactRow a = artifacts.getSelectionModel().getSelectedItem();
                  return a == null
                      || !a.path().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
                },
                artifacts.getSelectionModel().selectedItemProperty()));
    HBox bar = new HBox(8, openArtifact, saveArtifact, registerArtifact);
    VBox box = new VBox(6, bar, artifacts);
    VBox.setVgrow(artifacts, Priority.ALWAYS);
    return box;
  }

  private SplitPane chartsPane() {
    metricKeys.setId("run-metric-keys");
    metricKeys.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    metricKeys.setPlaceholder(new Label("No metrics."));
    chart.setId("run-chart");
    chart.setEmptyText("Select one or more metrics");
    Label liveLabel = new Label("● live");
    liveLabel.setId("run-live");
    liveLabel.setStyle("-fx-text-fill: -fd-accent; -fx-font-weight: bold;");
    liveLabel.visibleProperty().bind(live);
    VBox left = new VBox(4, liveLabel, metricKeys);
    VBox.setVgrow(metricKeys, Priority.ALWAYS);
    left.setPadding(new Insets(0, 4, 0, 0));
    SplitPane split = new SplitPane(left, chart);
    split.setDividerPositions(0.2);
    return split;
  }

  List<Tab> tabs() {
    return tabs;
  }

  public ObservableList<KeyValueRow> info() {
    return info.getItems();
  }

  public ObservableList<KeyValueRow> inputs() {
    return inputs.getItems();
  }

  /** Shows a link to the parent run; null hides it. */
  public void setParent(String runId, String label) {
    parent.setUserData(runId);
    parent.setText(runId == null ? "" : "Parent run: " + label);
    parent.setVisible(runId != null);
  }

  public ObservableList<KeyValueRow> params() {
    return params.getItems();
  }

  public ObservableList<KeyValueRow> tags() {
    return tags.getItems();
  }

  /** The notes being edited. */
  public StringProperty notesProperty() {
    return notes.textProperty();
  }

  /** The notes as stored: the editor is "unsaved" while it differs. */
  public StringProperty savedNotesProperty() {
    return savedNotes;
  }

  public ObservableList<ArtifactRow> artifacts() {
    return artifacts.getItems();
  }

  public StringProperty logProperty() {
    return log.textProperty();
  }

  public ObservableList<String> metricKeys() {
    return metricKeys.getItems();
  }

  public ObservableList<String> selectedMetricKeys() {
    return metricKeys.getSelectionModel().getSelectedItems();
  }

  /** Selects these metric keys in the chart list. */
  public void selectMetricKeys(List<String> keys) {
    metricKeys.getSelectionModel().clearSelection();
    keys.forEach(k -> metricKeys.getSelectionModel().select(k));
  }

  public MetricChart chart() {
    return chart;
  }

  /** Whether the run is RUNNING and its charts refresh by themselves. */
  public BooleanProperty liveProperty() {
    return live;
  }

  public void setOnOpenRun(Consumer<String> c) {
    onOpenRun = c;
  }

  public void setOnSaveNotes(Runnable r) {
    onSaveNotes = r;
  }

  public void setOnOpenArtifact(Consumer<ArtifactRow> c) {
    openArtifact.setOnAction(e -> c.accept(artifacts.getSelectionModel().getSelectedItem()));
  }

  public void setOnSaveArtifact(Consumer<ArtifactRow> c) {
    saveArtifact.setOnAction(e -> c.accept(artifacts.getSelectionModel().getSelectedItem()));
  }

  /** "Register Model…", enabled on a selected {@code .onnx} artifact. */
  public void setOnRegisterArtifact(Consumer<ArtifactRow> c) {
    registerArtifact.setOnAction(e -> c.accept(artifacts.getSelectionModel().getSelectedItem()));
  }

  /** Selects the artifact with this path, if listed. */
  public void selectArtifact(String path) {
    artifacts.getItems().stream()
        .filter(a -> a.path().equals(path))
        .findFirst()
        .ifPresent(a -> artifacts.getSelectionModel().select(a));
  }
}
