package io.flightdeck.views.runs;

import io.flightdeck.views.charts.MetricChart;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The shown runs grouped by a param or tag value: a mean line with a min-max band per group. */
public final class GroupView {
  private final VBox root = new VBox(6);
  private final ComboBox<String> metric = new ComboBox<>();
  private final Label summary = new Label("Choose Group by in the toolbar.");
  private final MetricChart chart = new MetricChart();

  GroupView() {
    root.setId("group-view");
    metric.setId("group-metric");
    metric.setPromptText("Metric");
    summary.setId("group-summary");
    chart.setId("group-chart");
    chart.setEmptyText("Choose Group by and a metric");
    HBox top = new HBox(8, new Label("Metric"), metric, summary);
    top.setAlignment(Pos.CENTER_LEFT);
    root.getChildren().addAll(top, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
  }

  public javafx.scene.Node root() {
    return root;
  }

  public ObservableList<String> metricChoices() {
    return metric.getItems();
  }

  public ObjectProperty<String> metricProperty() {
    return metric.valueProperty();
  }

  public StringProperty summaryProperty() {
    return summary.textProperty();
  }

  public MetricChart chart() {
    return chart;
  }
}
