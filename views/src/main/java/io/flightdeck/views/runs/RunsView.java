package io.flightdeck.views.runs;

import io.flightdeck.views.shell.MainView;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Runs: experiments, the runs table with an MLflow-style filter, chosen columns and grouping, and
 * below it the selected run's detail, the comparison of selected runs and the groups.
 */
public final class RunsView {
  private final BorderPane root = new BorderPane();
  private final ListView<ExperimentItem> experiments = new ListView<>();
  private final RunsTable table = new RunsTable();
  private final ObservableList<ColumnChoice> chosenColumns = FXCollections.observableArrayList();
  private final ColumnsMenu columnsMenu = new ColumnsMenu(chosenColumns);
  private final TextField filter = new TextField();
  private final Label filterError = new Label();
  private final Label count = new Label();
  private final ComboBox<String> groupBy = new ComboBox<>();
  private final Button refresh = new Button("Refresh");
  private final Button compare = new Button("Compare");
  private final Button export = new Button("Export CSV…");
  private final Button train = new Button("Train…");
  private final Button sweep = new Button("Sweep…");
  private final javafx.scene.control.MenuItem mlflowImport =
      new javafx.scene.control.MenuItem("Import mlruns/ Folder…");
  private final javafx.scene.control.MenuItem mlflowExport =
      new javafx.scene.control.MenuItem("Export Experiment to mlruns/…");
  private final javafx.scene.control.MenuButton mlflow =
      new javafx.scene.control.MenuButton("MLflow", null, mlflowImport, mlflowExport);
  private final RunDetailView detail = new RunDetailView();
  private final CompareView compareView = new CompareView();
  private final GroupView groupView = new GroupView();
  private final TabPane tabs = new TabPane();
  private Runnable onFilterSubmitted = () -> {};

  /** Builds the layout. Call on the FX thread. */
  public RunsView() {
    root.setId("runs-view");
    root.getProperties().put(RunsView.class, this);
    root.setPadding(new Insets(12));
    Label title = new Label("Runs");
    title.getStyleClass().add("section-title");
    refresh.setId("refresh-runs");
    compare.setId("compare-runs");
    export.setId("export-runs");
    train.setId("train");
    train.setDisable(true);
    train.setTooltip(new Tooltip("Start a training run"));
    sweep.setId("sweep");
    sweep.setDisable(true);
    sweep.setTooltip(new Tooltip("Start a hyperparameter sweep"));
    mlflow.setId("mlflow-menu");
    mlflowImport.setId("mlflow-import");
    mlflowExport.setId("mlflow-export");
    mlflowExport.disableProperty().bind(selectedExperimentProperty().isNull());
    groupBy.setId("group-by");
    groupBy.setPromptText("Group by");
    groupBy.setPrefWidth(150);
    compare
        .disableProperty()
        .bind(Bindings.size(table.table().getSelectionModel().getSelectedItems()).lessThan(2));
    HBox toolbar =
        new HBox(
            8,
            title,
            MainView.hgrowSpacer(),
            refresh,
            columnsMenu.button(),
            groupBy,
            compare,
            export,
            mlflow,
            train,
            sweep);
    toolbar.setAlignment(Pos.CENTER_LEFT);
    filter.setId("runs-filter");
    filter.setPromptText("Filter: metrics.auc > 0.9 and params.lr = '0.01'   (Enter applies)");
    filter.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            onFilterSubmitted.run();
          }
        });
    filterError.setId("runs-filter-error");
    filterError.setStyle("-fx-text-fill: -fd-bad; -fx-font-family: monospace;");
    filterError.setVisible(false);
    filterError.managedProperty().bind(filterError.visibleProperty());
    count.setId("runs-count");
    count.setMinWidth(Label.USE_PREF_SIZE);
    HBox filterBar = new HBox(8, filter, count);
    HBox.setHgrow(filter, Priority.ALWAYS);
    filterBar.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(6, toolbar, filterBar, filterError);
    top.setPadding(new Insets(0, 0, 8, 0));
    root.setTop(top);
    experiments.setId("experiments");
    experiments.setPrefWidth(190);
    experiments.setPlaceholder(new Label("No experiments yet."));
    tabs.setId("run-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().addAll(detail.tabs());
    Tab compareTab = new Tab("Compare", compareView.root());
    compareTab.setId("tab-compare");
    Tab groupTab = new Tab("Groups", groupView.root());
    groupTab.setId("tab-groups");
    tabs.getTabs().addAll(compareTab, groupTab);
    SplitPane center = new SplitPane(table.table(), tabs);
    center.setOrientation(Orientation.VERTICAL);
    center.setDividerPositions(0.45);
    SplitPane split = new SplitPane(experiments, center);
    split.setDividerPositions(0.18);
    SplitPane.setResizableWithParent(experiments, false);
    root.setCenter(split);
    chosenColumns.addListener(
        (ListChangeListener<ColumnChoice>) c -> table.setChoices(chosenColumns, groupKey()));
    groupBy.valueProperty().addListener((o, a, b) -> table.setChoices(chosenColumns, groupKey()));
  }

  public Node root() {
    return root;
  }

  public ObservableList<ExperimentItem> experiments() {
    return experiments.getItems();
  }

  /** The experiments list (tests select in it). */
  public ListView<ExperimentItem> experimentsList() {
    return experiments;
  }

  /** Intents of the MLflow menu. */
  public void setOnMlflow(Runnable onImport, Runnable onExport) {
    mlflowImport.setOnAction(e -> onImport.run());
    mlflowExport.setOnAction(e -> onExport.run());
  }

  /** The MLflow menu's items (tests fire them). */
  public javafx.scene.control.MenuItem mlflowImportItem() {
    return mlflowImport;
  }

  public javafx.scene.control.MenuItem mlflowExportItem() {
    return mlflowExport;
  }

  public ReadOnlyObjectProperty<ExperimentItem> selectedExperimentProperty() {
    return experiments.getSelectionModel().selectedItemProperty();
  }

  /** Selects the experiment with this id (null: All runs). */
  public void selectExperiment(Long id) {
    experiments.getItems().stream()
        .filter(e -> java.util.Objects.equals(e.id(), id))
        .findFirst()
        .ifPresent(e -> experiments.getSelectionModel().select(e));
  }

  /** The rows shown (the controller sets them; the table sorts them in place). */
  public ObservableList<RunTableRow> rows() {
    return table.table().getItems();
  }

  public ObservableList<RunTableRow> selectedRows() {
    return table.table().getSelectionModel().getSelectedItems();
  }

  /** Runs once whenever the selected rows change. */
  public void setOnSelectionChanged(Runnable r) {
    table.onSelectionChanged(r);
  }

  /** Selects the run with this id, if shown, and scrolls to it. */
  public void selectRun(String runId) {
    for (int i = 0; i < rows().size(); i++) {
      if (rows().get(i).runId().equals(runId)) {
        table.table().getSelectionModel().clearAndSelect(i);
        table.table().scrollTo(i);
        return;
      }
    }
  }

  /** Selects these runs (by id) among those shown. */
  public void selectRuns(List<String> runIds) {
    table.table().getSelectionModel().clearSelection();
    for (int i = 0; i < rows().size(); i++) {
      if (runIds.contains(rows().get(i).runId())) {
        table.table().getSelectionModel().select(i);
      }
    }
  }

  /** Sorts the rows again by the table's sort order (after replacing them). */
  public void sortRows() {
    table.table().sort();
  }

  /** Scrolls the table to the row at {@code index}. */
  public void scrollTo(int index) {
    table.table().scrollTo(index);
  }

  /** The optional columns shown, in order. */
  public ObservableList<ColumnChoice> chosenColumns() {
    return chosenColumns;
  }

  /** Every key the Columns… menu offers. */
  public void setAvailableKeys(List<String> params, List<String> tags, List<String> metrics) {
    columnsMenu.setKeys(params, tags, metrics);
  }

  /** What the table shows now, as text (visible columns, display order). */
  public TableSnapshot snapshot() {
    return table.snapshot();
  }

  public StringProperty filterTextProperty() {
    return filter.textProperty();
  }

  /**
   * Shows a filter error under the field: the message and a caret under {@code column} (0-based).
   */
  public void showFilterError(String message, int column) {
    String text = filter.getText();
    int at = Math.max(0, Math.min(column, text.length()));
    filterError.setText(text + "\n" + " ".repeat(at) + "^ " + message);
    filterError.setVisible(true);
    filter.setStyle("-fx-border-color: -fd-bad; -fx-border-radius: 3;");
  }

  public void clearFilterError() {
    filterError.setVisible(false);
    filterError.setText("");
    filter.setStyle("");
  }

  /** The filter error shown, empty when none. */
  public String filterError() {
    return filterError.isVisible() ? filterError.getText() : "";
  }

  public StringProperty countTextProperty() {
    return count.textProperty();
  }

  /** The Group by choices: empty string for none, else {@code params.KEY} or {@code tags.KEY}. */
  public ObservableList<String> groupByChoices() {
    return groupBy.getItems();
  }

  public ObjectProperty<String> groupByProperty() {
    return groupBy.valueProperty();
  }

  private String groupKey() {
    String g = groupBy.getValue();
    return g == null ? "" : g;
  }

  public RunDetailView detail() {
    return detail;
  }

  public CompareView compare() {
    return compareView;
  }

  public GroupView groups() {
    return groupView;
  }

  /** Brings the tab with this id to the front (e.g. {@code tab-compare}, {@code tab-run-notes}). */
  public void showTab(String id) {
    tabs.getTabs().stream()
        .filter(t -> id.equals(t.getId()))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  /** The id of the tab in front. */
  public String shownTab() {
    Tab t = tabs.getSelectionModel().getSelectedItem();
    return t == null ? "" : t.getId();
  }

  /**
   * The Train… button, disabled and without action until a training feature enables it: {@code
   * trainButton().setOnAction(...); trainButton().setDisable(false)}.
   */
  public Button trainButton() {
    return train;
  }

  /** The Sweep… button, disabled and without action until the sweep feature enables it. */
  public Button sweepButton() {
    return sweep;
  }

  public void setOnRefresh(Runnable r) {
    refresh.setOnAction(e -> r.run());
  }

  public void setOnCompare(Runnable r) {
    compare.setOnAction(e -> r.run());
  }

  public void setOnExport(Runnable r) {
    export.setOnAction(e -> r.run());
  }

  /** Enter in the filter field. */
  public void setOnFilterSubmitted(Runnable r) {
    onFilterSubmitted = r;
  }

  /** Runs with the id of a run the user asked to open (e.g. the parent link). */
  public void setOnOpenRun(Consumer<String> c) {
    detail.setOnOpenRun(c);
  }
}
