package io.flightdeck.views.models;

import static io.flightdeck.views.common.Tables.column;

import io.flightdeck.views.charts.ChartSeries;
import io.flightdeck.views.charts.XYPlot;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Champion vs challenger: two versions' metrics side by side on one dataset, ROC overlaid. */
final class ComparePane extends VBox {
  private final Label title = new Label();
  private final Button back = new Button("Back to Evaluation");
  private final TableView<MetricRow> metrics = new TableView<>();
  private final XYPlot roc = new XYPlot();

  ComparePane() {
    super(8);
    setId("eval-comparison");
    setPadding(new Insets(6));
    title.setId("compare-title");
    title.getStyleClass().add("chart-title");
    back.setId("eval-back");
    metrics.setId("compare-metrics");
    metrics.setPlaceholder(new Label("No metrics."));
    metrics.getColumns().add(column("Metric", MetricRow::metric, 120));
    metrics.getColumns().add(column("", MetricRow::first, 90));
    metrics.getColumns().add(column("", MetricRow::second, 90));
    metrics.getColumns().add(column("Difference", MetricRow::difference, 90));
    metrics.setPrefWidth(400);
    roc.setId("compare-roc");
    roc.setup(
        "ROC overlaid (AUC)",
        "false positive rate",
        "true positive rate",
        XYPlot.Style.UNIT_DIAGONAL,
        "no data");
    roc.setPrefSize(440, 320);
    HBox body = new HBox(8, metrics, roc);
    HBox.setHgrow(roc, Priority.ALWAYS);
    getChildren()
        .addAll(new HBox(8, title, io.flightdeck.views.shell.MainView.hgrowSpacer(), back), body);
  }

  void show(
      String heading,
      List<MetricRow> rows,
      String firstName,
      String secondName,
      List<ChartSeries> rocs) {
    title.setText(heading);
    metrics.getColumns().get(1).setText(firstName);
    metrics.getColumns().get(2).setText(secondName);
    metrics.getItems().setAll(rows);
    roc.setSeries(rocs);
  }

  Button backButton() {
    return back;
  }

  ObservableList<MetricRow> rows() {
    return metrics.getItems();
  }

  XYPlot roc() {
    return roc;
  }
}
