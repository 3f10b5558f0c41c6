package io.flightdeck.views.datasets;

import static io.flightdeck.views.common.Tables.column;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.flightdeck.views.shell.MainView;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Drift between two dataset versions: the share tile, scores chart, per-column table, and
 * per-column charts.
 */
public final class DriftView {
  private final BorderPane root = new BorderPane();
  private final ComboBox<String> reference = new ComboBox<>();
  private final ComboBox<String> current = new ComboBox<>();
  private final Button runButton = new Button("Run Drift");
  private final Button htmlButton = new Button("Export HTML…");
  private final Button csvButton = new Button("CSV…");
  private final Button jsonButton = new Button("JSON…");
  private final ComboBox<String> methodOverride = new ComboBox<>();
  private final Button applyMethod = new Button("Use for Column");
  private final Label verdict =
      new Label("Choose a reference and a current version, then Run Drift.");
  private final Tile shareTile;
  private final ImageView scoresChart = new ImageView();
  private final ImageView distributionChart = new ImageView();
  private final ImageView overTimeChart = new ImageView();
  private final TableView<DriftRow> table = new TableView<>();

  /** Builds the layout. Call on the FX thread. */
  public DriftView() {
    root.setId("drift-view");
    root.getProperties().put(DriftView.class, this);
    root.setPadding(new Insets(12));
    reference.setId("drift-reference");
    current.setId("drift-current");
    reference.setPromptText("Reference");
    current.setPromptText("Current");
    runButton.setId("run-drift");
    htmlButton.setId("export-drift-html");
    csvButton.setId("export-drift-csv");
    jsonButton.setId("export-drift-json");
    methodOverride.setId("drift-method-override");
    methodOverride.setPromptText("Method");
    applyMethod.setId("apply-drift-method");
    Label title = new Label("Drift");
    title.getStyleClass().add("section-title");
    HBox bar =
        new HBox(
            8,
            title,
            new Label("Reference"),
            reference,
            new Label("Current"),
            current,
            runButton,
            MainView.hgrowSpacer(),
            htmlButton,
            csvButton,
            jsonButton);
    bar.setAlignment(Pos.CENTER_LEFT);
    verdict.setId("drift-verdict");
    verdict.getStyleClass().add("drift-verdict");
    VBox top = new VBox(8, bar, verdict);
    top.setPadding(new Insets(0, 0, 8, 0));
    root.setTop(top);
    shareTile =
        TileBuilder.create()
            .skinType(Tile.SkinType.PERCENTAGE)
            .prefSize(220, 220)
            .title("Drifted columns")
            .unit("%")
            .maxValue(100)
            .threshold(50)
            .thresholdVisible(true)
            .description("")
            .build();
    shareTile.setId("drift-share-tile");
    scoresChart.setId("drift-scores-chart");
    distributionChart.setId("drift-distribution-chart");
    overTimeChart.setId("drift-over-time-chart");
    HBox charts = new HBox(12, shareTile, scoresChart);
    buildTable();
    HBox overrideBar = new HBox(8, new Label("Selected column:"), methodOverride, applyMethod);
    overrideBar.setAlignment(Pos.CENTER_LEFT);
    HBox columnCharts = new HBox(12, distributionChart, overTimeChart);
    VBox body = new VBox(10, charts, table, overrideBar, columnCharts);
    VBox.setVgrow(table, Priority.ALWAYS);
    table.setPrefHeight(220);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    root.setCenter(scroll);
    applyMethod.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
  }

  private void buildTable() {
    table.setId("drift-table");
    table.setPlaceholder(new Label("No drift computed yet."));
    table.getColumns().add(column("Column", DriftRow::column, 150));
    table.getColumns().add(column("Method", DriftRow::method, 150));
    table
        .getColumns()
        .add(column("Statistic", (DriftRow r) -> String.format("%.6g", r.statistic()), 110));
    table.getColumns().add(column("p-value", DriftRow::pValue, 110));
    table.getColumns().add(column("Threshold", DriftRow::threshold, 90));
    table.getColumns().add(column("Drifted", (DriftRow r) -> r.drifted() ? "DRIFT" : "ok", 80));
    table.setRowFactory(
        tv ->
            new TableRow<>() {
              @Override
              protected void updateItem(DriftRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("drift-row-drifted");
                if (!empty && item != null && item.drifted()) {
                  getStyleClass().add("drift-row-drifted");
                }
              }
            });
  }

  public Node root() {
    return root;
  }

  public ObservableList<String> referenceChoices() {
    return reference.getItems();
  }

  public ObservableList<String> currentChoices() {
    return current.getItems();
  }

  public ObjectProperty<String> referenceProperty() {
    return reference.valueProperty();
  }

  public ObjectProperty<String> currentProperty() {
    return current.valueProperty();
  }

  public ObservableList<DriftRow> rows() {
    return table.getItems();
  }

  public ReadOnlyObjectProperty<DriftRow> selectedRowProperty() {
    return table.getSelectionModel().selectedItemProperty();
  }

  public ObservableList<String> methodChoices() {
    return methodOverride.getItems();
  }

  public ObjectProperty<String> methodOverrideProperty() {
    return methodOverride.valueProperty();
  }

  public StringProperty verdictProperty() {
    return verdict.textProperty();
  }

  /** Shows the share of drifted columns and whether the dataset drifted. */
  public void showShare(int drifted, int total, boolean datasetDrift) {
    shareTile.setValue(total == 0 ? 0 : 100.0 * drifted / total);
    shareTile.setDescription(drifted + " of " + total);
    shareTile.setBarColor(datasetDrift ? Color.web("#e0554a") : Color.web("#3fa66b"));
    verdict.getStyleClass().removeAll("verdict-drift", "verdict-ok");
    verdict.getStyleClass().add(datasetDrift ? "verdict-drift" : "verdict-ok");
  }

  /** The tile's value in percent, for tests. */
  public double shareValue() {
    return shareTile.getValue();
  }

  public void showScoresChart(Image image) {
    scoresChart.setImage(image);
  }

  public void showDistributionChart(Image image) {
    distributionChart.setImage(image);
  }

  public void showOverTimeChart(Image image) {
    overTimeChart.setImage(image);
  }

  public void setOnRun(Runnable r) {
    runButton.setOnAction(e -> r.run());
  }

  public void setOnApplyMethod(Runnable r) {
    applyMethod.setOnAction(e -> r.run());
  }

  /** Called with "html", "csv" or "json". */
  public void setOnExport(Consumer<String> format) {
    htmlButton.setOnAction(e -> format.accept("html"));
    csvButton.setOnAction(e -> format.accept("csv"));
    jsonButton.setOnAction(e -> format.accept("json"));
  }
}
