package io.flightdeck.views.runs;

import io.flightdeck.views.charts.MetricChart;
import io.flightdeck.views.charts.ScatterPlot;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Compares 2..N runs: their curves of one metric overlaid, their params side by side (differences
 * only on request), and a scatter of a numeric param against a metric's last value.
 */
public final class CompareView {
  private final SplitPane root = new SplitPane();
  private final Label title = new Label("Select two or more runs and press Compare.");
  private final ComboBox<String> metric = new ComboBox<>();
  private final MetricChart chart = new MetricChart();
  private final CheckBox differencesOnly = new CheckBox("Differences only");
  private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
  private final FilteredList<CompareRow> shown = new FilteredList<>(rows);
  private final TableView<CompareRow> params = new TableView<>(shown);
  private final ComboBox<String> scatterParam = new ComboBox<>();
  private final ComboBox<String> scatterMetric = new ComboBox<>();
  private final ScatterPlot scatter = new ScatterPlot();

  CompareView() {
    root.setId("compare-view");
    title.setId("compare-title");
    metric.setId("compare-metric");
    metric.setPromptText("Metric");
    chart.setId("compare-chart");
    chart.setEmptyText("Choose a metric");
    HBox top = new HBox(8, new Label("Metric"), metric, title);
    top.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(6, top, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
    differencesOnly.setId("differences-only");
    differencesOnly
        .selectedProperty()
        .addListener((o, a, on) -> shown.setPredicate(on ? CompareRow::differs : null));
    params.setId("compare-params");
    params.setPlaceholder(new Label("No params."));
    scatterParam.setId("scatter-param");
    scatterParam.setPromptText("Param (x)");
    scatterMetric.setId("scatter-metric");
    scatterMetric.setPromptText("Metric (y)");
    scatter.setId("compare-scatter");
    scatter.setPrefHeight(160);
    HBox scatterBar = new HBox(8, new Label("Scatter"), scatterParam, scatterMetric);
    scatterBar.setAlignment(Pos.CENTER_LEFT);
    VBox right = new VBox(6, differencesOnly, params, scatterBar, scatter);
    VBox.setVgrow(params, Priority.ALWAYS);
    VBox.setVgrow(scatter, Priority.SOMETIMES);
    root.getItems().addAll(left, right);
    root.setDividerPositions(0.55);
  }

  public javafx.scene.Node root() {
    return root;
  }

  /** Sets the compared runs' names (one value column each) and the heading. */
  public void setRuns(List<String> names) {
    title.setText(names.size() + " runs");
    params.getColumns().clear();
    TableColumn<CompareRow, String> key = new TableColumn<>("Param");
    key.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().key()));
    key.setPrefWidth(150);
    params.getColumns().add(key);
    for (int i = 0; i < names.size(); i++) {
      int index = i;
      TableColumn<CompareRow, String> c = new TableColumn<>(names.get(i));
      c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().values().get(index)));
      c.setPrefWidth(110);
      params.getColumns().add(c);
    }
  }

  /** Every param of the compared runs. */
  public ObservableList<CompareRow> rows() {
    return rows;
  }

  /** The params shown (all, or only those that differ). */
  public ObservableList<CompareRow> shownRows() {
    return shown;
  }

  public BooleanProperty differencesOnlyProperty() {
    return differencesOnly.selectedProperty();
  }

  public ObservableList<String> metricChoices() {
    return metric.getItems();
  }

  public ObjectProperty<String> metricProperty() {
    return metric.valueProperty();
  }

  public MetricChart chart() {
    return chart;
  }

  public ObservableList<String> scatterParamChoices() {
    return scatterParam.getItems();
  }

  public ObjectProperty<String> scatterParamProperty() {
    return scatterParam.valueProperty();
  }

  public ObservableList<String> scatterMetricChoices() {
    return scatterMetric.getItems();
  }

  public ObjectProperty<String> scatterMetricProperty() {
    return scatterMetric.valueProperty();
  }

  public ScatterPlot scatter() {
    return scatter;
  }

  public StringProperty titleProperty() {
    return title.textProperty();
  }
}
