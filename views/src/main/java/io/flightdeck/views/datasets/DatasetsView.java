package io.flightdeck.views.datasets;

import static io.flightdeck.views.common.Tables.column;

import io.flightdeck.views.charts.MiniHistogram;
import io.flightdeck.views.shell.MainView;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Datasets: versions list, lineage, per-column profiles with charts, validation findings. */
public final class DatasetsView {
  private final BorderPane root = new BorderPane();
  private final ListView<DatasetVersionRow> versions = new ListView<>();
  private final TableView<ProfileRow> profiles = new TableView<>();
  private final TableView<ValidationIssueRow> issues = new TableView<>();
  private final TextArea overview = new TextArea();
  private final Label validationSummary = new Label("Not validated yet.");
  private final ImageView columnChart = new ImageView();
  private final Label columnChartTitle = new Label();
  private final Button importButton = new Button("Import CSV…");
  private final Button sampleButton = new Button("Load Sample Workspace");
  private final Button validateButton = new Button("Validate…");
  private final Button driftButton = new Button("Drift…");
  private final Button contractButton = new Button("Edit Contract…");
  private final Button overrideButton = new Button("Allow Use…");
  private final Button exportButton = new Button("Export CSV…");
  private final Button trainButton = new Button("Train…");
  private final Button sweepButton = new Button("Sweep…");
  private final Button emptySampleButton = new Button("Load Sample Workspace");
  private final VBox emptyState = new VBox(12);
  private final TabPane tabs = new TabPane();

  /** Builds the layout. Call on the FX thread. */
  public DatasetsView() {
    root.setId("datasets-view");
    root.getProperties().put(DatasetsView.class, this);
    root.setPadding(new Insets(12));
    importButton.setId("import-csv");
    sampleButton.setId("load-sample");
    validateButton.setId("validate-dataset");
    driftButton.setId("open-drift");
    contractButton.setId("edit-contract");
    overrideButton.setId("override-version");
    overrideButton.setTooltip(
        new javafx.scene.control.Tooltip(
            "Allow a version that failed validation to be used, with a reason"));
    exportButton.setId("export-dataset");
    trainButton.setId("train-from-dataset");
    trainButton.setTooltip(new Tooltip("Train a built-in model on the selected version"));
    sweepButton.setId("sweep-from-dataset");
    sweepButton.setTooltip(new Tooltip("Sweep hyperparameters on the selected version"));
    emptySampleButton.setId("load-sample-empty");
    Label title = new Label("Datasets");
    title.getStyleClass().add("section-title");
    HBox toolbar =
        new HBox(
            8,
            title,
            MainView.hgrowSpacer(),
            importButton,
            sampleButton,
            contractButton,
            validateButton,
            overrideButton,
            driftButton,
            trainButton,
            sweepButton,
            exportButton);
    toolbar.setAlignment(Pos.CENTER_LEFT);
    toolbar.setPadding(new Insets(0, 0, 8, 0));
    root.setTop(toolbar);
    versions.setId("dataset-versions");
    versions.setCellFactory(lv -> new VersionCell());
    versions.setPrefWidth(240);
    Label emptyText =
        new Label(
            "This workspace has no datasets yet.\nImport a CSV file (or drop one on the window), or start with the sample.");
    emptyText.getStyleClass().add("placeholder");
    emptyText.setWrapText(true);
    emptyState.getChildren().addAll(emptyText, emptySampleButton);
    emptyState.setAlignment(Pos.CENTER);
    emptyState.setId("datasets-empty");
    buildProfiles();
    buildIssues();
    overview.setId("dataset-overview");
    overview.setEditable(false);
    Tab overviewTab = new Tab("Overview", overview);
    Tab profileTab = new Tab("Profiles", profilePane());
    profileTab.setId("tab-profiles");
    VBox validationPane = new VBox(8, validationSummary, issues);
    VBox.setVgrow(issues, Priority.ALWAYS);
    validationSummary.setId("validation-summary");
    Tab validationTab = new Tab("Validation", validationPane);
    tabs.getTabs().addAll(overviewTab, profileTab, validationTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("dataset-tabs");
    SplitPane split = new SplitPane(versions, tabs);
    split.setDividerPositions(0.3);
    StackPane center = new StackPane(split, emptyState);
    emptyState.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(versions.getItems()));
    split.visibleProperty().bind(emptyState.visibleProperty().not());
    root.setCenter(center);
    validateButton
        .disableProperty()
        .bind(versions.getSelectionModel().selectedItemProperty().isNull());
    exportButton
        .disableProperty()
        .bind(versions.getSelectionModel().selectedItemProperty().isNull());
    overrideButton
        .disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> {
                  DatasetVersionRow r = versions.getSelectionModel().getSelectedItem();
                  return r == null || !r.failed() || r.status().contains("overridden");
                },
                versions.getSelectionModel().selectedItemProperty()));
    for (Button b : new Button[] {contractButton, driftButton, trainButton, sweepButton}) {
      b.disableProperty().bind(versions.getSelectionModel().selectedItemProperty().isNull());
    }
    for (Button b :
        new Button[] {
          importButton,
          sampleButton,
          contractButton,
          validateButton,
          driftButton,
          trainButton,
          sweepButton,
          exportButton
        }) {
      b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    overview.setStyle("-fx-font-family: monospace;");
  }

  private Node profilePane() {
    columnChartTitle.getStyleClass().add("chart-title");
    VBox detail = new VBox(4, columnChartTitle, columnChart);
    detail.setId("column-detail");
    VBox box = new VBox(8, profiles, detail);
    VBox.setVgrow(profiles, Priority.ALWAYS);
    return box;
  }

  private void buildProfiles() {
    profiles.setId("profiles-table");
    profiles.setPlaceholder(new Label("Select a dataset version to see its column profiles."));
    profiles.getColumns().add(column("Column", ProfileRow::column, 130));
    profiles.getColumns().add(column("Type", ProfileRow::type, 90));
    profiles.getColumns().add(column("Role", ProfileRow::role, 70));
    TableColumn<ProfileRow, double[]> chart = column("Distribution", ProfileRow::histogram, 110);
    chart.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(double[] item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : new MiniHistogram(96, 22, item));
              }
            });
    profiles.getColumns().add(chart);
    profiles.getColumns().add(column("Count", ProfileRow::count, 70));
    profiles.getColumns().add(column("Missing", ProfileRow::missing, 80));
    profiles.getColumns().add(column("Distinct", ProfileRow::distinct, 70));
    profiles.getColumns().add(column("Min", ProfileRow::min, 70));
    profiles.getColumns().add(column("Max", ProfileRow::max, 70));
    profiles.getColumns().add(column("Mean", ProfileRow::mean, 70));
    profiles.getColumns().add(column("Std", ProfileRow::std, 70));
    profiles.getColumns().add(column("Quantiles 1·5·25·50·75·95·99", ProfileRow::quantiles, 260));
  }

  private void buildIssues() {
    issues.setId("validation-issues");
    issues.setPlaceholder(new Label("No findings."));
    issues.getColumns().add(column("Severity", ValidationIssueRow::severity, 80));
    issues.getColumns().add(column("Column", ValidationIssueRow::column, 120));
    issues.getColumns().add(column("Finding", ValidationIssueRow::kind, 140));
    issues.getColumns().add(column("Count", ValidationIssueRow::count, 70));
    issues.getColumns().add(column("Example lines", ValidationIssueRow::examples, 130));
    issues.getColumns().add(column("Message", ValidationIssueRow::message, 360));
  }

  private static final class VersionCell extends ListCell<DatasetVersionRow> {
    @Override
    protected void updateItem(DatasetVersionRow item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("version-failed");
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(
          item.ref()
              + "\n"
              + item.rows()
              + " rows × "
              + item.columns()
              + " cols · "
              + item.status());
      if (item.failed()) {
        getStyleClass().add("version-failed");
      }
    }
  }

  public Node root() {
    return root;
  }

  public ObservableList<DatasetVersionRow> versions() {
    return versions.getItems();
  }

  public ReadOnlyObjectProperty<DatasetVersionRow> selectedVersionProperty() {
    return versions.getSelectionModel().selectedItemProperty();
  }

  /** Selects the version with this ref ({@code NAME:N}), if listed. */
  public void selectVersion(String ref) {
    versions.getItems().stream()
        .filter(r -> r.ref().equals(ref))
        .findFirst()
        .ifPresent(r -> versions.getSelectionModel().select(r));
  }

  public ObservableList<ProfileRow> profiles() {
    return profiles.getItems();
  }

  public ReadOnlyObjectProperty<ProfileRow> selectedProfileProperty() {
    return profiles.getSelectionModel().selectedItemProperty();
  }

  public ObservableList<ValidationIssueRow> issues() {
    return issues.getItems();
  }

  public StringProperty overviewTextProperty() {
    return overview.textProperty();
  }

  public StringProperty validationSummaryProperty() {
    return validationSummary.textProperty();
  }

  /** Shows a column's detail chart. */
  public void showColumnChart(String title, javafx.scene.image.Image image) {
    columnChartTitle.setText(title);
    columnChart.setImage(image);
  }

  /** Brings the given tab (0 overview, 1 profiles, 2 validation) to the front. */
  public void showTab(int index) {
    tabs.getSelectionModel().select(index);
  }

  public void setOnImport(Runnable r) {
    importButton.setOnAction(e -> r.run());
  }

  public void setOnLoadSample(Runnable r) {
    sampleButton.setOnAction(e -> r.run());
    emptySampleButton.setOnAction(e -> r.run());
  }

  public void setOnValidate(Runnable r) {
    validateButton.setOnAction(e -> r.run());
  }

  public void setOnTrain(Runnable r) {
    trainButton.setOnAction(e -> r.run());
  }

  public void setOnSweep(Runnable r) {
    sweepButton.setOnAction(e -> r.run());
  }

  public void setOnDrift(Runnable r) {
    driftButton.setOnAction(e -> r.run());
  }

  public void setOnEditContract(Runnable r) {
    contractButton.setOnAction(e -> r.run());
  }

  public void setOnOverride(Runnable r) {
    overrideButton.setOnAction(e -> r.run());
  }

  public void setOnExport(Runnable r) {
    exportButton.setOnAction(e -> r.run());
  }
}
