package io.flightdeck.views.models;

import static io.flightdeck.views.common.Tables.column;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The Models section: registered models, the selected model's versions (deleted ones greyed), and
 * the selected version's Overview, Aliases, Evaluations and Lineage. Dropping {@code .onnx} files
 * on it registers them. Passive: the controller fills its state and handles the buttons.
 */
public final class ModelsView extends BorderPane {
  private final ModelsToolbar toolbar = new ModelsToolbar();
  private final ListView<String> models = new ListView<>();
  private final TableView<ModelVersionRow> versions = new TableView<>();
  private final OverviewPane overview = new OverviewPane();
  private final AliasesPane aliases = new AliasesPane();
  private final EvaluationsPane evaluations = new EvaluationsPane();
  private final LineageGraph lineage = new LineageGraph();
  private final TabPane tabs = new TabPane();

  public ModelsView() {
    setId("models-view");
    toolbar.bind(
        versions.getSelectionModel().selectedItemProperty().isNull(),
        models.getSelectionModel().selectedItemProperty().isNull(),
        aliases.currentTable().getSelectionModel().selectedItemProperty().isNull());
    models.setId("models-list");
    models.setPlaceholder(new Label("No models yet.\nRegister an .onnx file,\nor a run's model."));
    versions.setId("model-versions");
    versions.setPlaceholder(new Label("Select a model."));
    versions.getColumns().add(column("Version", r -> "v" + r.version(), 70));
    versions.getColumns().add(column("Aliases", ModelVersionRow::aliases, 140));
    versions.getColumns().add(column("Task", ModelVersionRow::task, 100));
    versions.getColumns().add(column("Source", ModelVersionRow::source, 200));
    versions.getColumns().add(column("Size", ModelVersionRow::size, 80));
    versions.getColumns().add(column("SHA-256", ModelVersionRow::sha256, 110));
    versions.getColumns().add(column("Created", ModelVersionRow::created, 140));
    versions.getColumns().add(column("By", ModelVersionRow::who, 80));
    versions.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(ModelVersionRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean gone = !empty && row != null && row.deleted();
                setStyle(gone ? "-fx-opacity: 0.45;" : "");
                setTooltip(
                    gone
                        ? new Tooltip("Deleted: kept for history, its number is never reused")
                        : null);
              }
            });
    tabs.setId("model-tabs");
    tabs.getTabs()
        .addAll(
            tab("Overview", "tab-model-overview", overview),
            tab("Aliases", "tab-model-aliases", aliases),
            tab("Evaluations", "tab-model-evaluations", evaluations),
            tab("Lineage", "tab-model-lineage", lineagePane()));
    SplitPane right = new SplitPane(versions, tabs);
    right.setOrientation(Orientation.VERTICAL);
    right.setDividerPositions(0.24);
    SplitPane split = new SplitPane(models, right);
    split.setDividerPositions(0.17);
    setTop(toolbar);
    setCenter(split);
  }

  private VBox lineagePane() {
    Label hint =
        new Label(
            "Click a box to highlight where it came from and what came from it; double-click to"
                + " open it in its section.");
    hint.setWrapText(true);
    ScrollPane scroll = new ScrollPane(lineage);
    scroll.setFitToWidth(true);
    VBox box = new VBox(6, hint, scroll);
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    box.setPadding(new Insets(6));
    return box;
  }

  private static Tab tab(String title, String id, javafx.scene.Node content) {
    Tab t = new Tab(title, content);
    t.setId(id);
    t.setClosable(false);
    return t;
  }

  /**
   * Accepts {@code .onnx} files dropped on the section (and keeps them from the window's CSV
   * import).
   */
  public void setOnModelFilesDropped(Consumer<List<File>> action) {
    setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()
              && e.getDragboard().getFiles().stream().anyMatch(ModelsView::isOnnx)) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    setOnDragDropped(
        e -> {
          List<File> onnx =
              e.getDragboard().hasFiles()
                  ? e.getDragboard().getFiles().stream().filter(ModelsView::isOnnx).toList()
                  : List.of();
          if (!onnx.isEmpty()) {
            action.accept(onnx);
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }

  static boolean isOnnx(File f) {
    return f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
  }

  /** Shows the tab with this id. */
  public void showTab(String id) {
    tabs.getTabs().stream()
        .filter(t -> id.equals(t.getId()))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  public ObservableList<String> models() {
    return models.getItems();
  }

  public ListView<String> modelsList() {
    return models;
  }

  public ReadOnlyObjectProperty<String> selectedModelProperty() {
    return models.getSelectionModel().selectedItemProperty();
  }

  public ObservableList<ModelVersionRow> versions() {
    return versions.getItems();
  }

  public TableView<ModelVersionRow> versionsTable() {
    return versions;
  }

  public ReadOnlyObjectProperty<ModelVersionRow> selectedVersionProperty() {
    return versions.getSelectionModel().selectedItemProperty();
  }

  /** Selects the version with this number if listed. */
  public void selectVersion(int version) {
    versions.getItems().stream()
        .filter(r -> r.version() == version)
        .findFirst()
        .ifPresent(r -> versions.getSelectionModel().select(r));
  }

  public OverviewPane overview() {
    return overview;
  }

  public AliasesPane aliases() {
    return aliases;
  }

  public EvaluationsPane evaluations() {
    return evaluations;
  }

  public LineageGraph lineage() {
    return lineage;
  }

  public ModelsToolbar toolbar() {
    return toolbar;
  }
}
