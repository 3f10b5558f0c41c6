package io.flightdeck.views.models;

import static io.flightdeck.views.common.Tables.column;

import io.flightdeck.views.charts.BarsChart;
import io.flightdeck.views.charts.ChartSeries;
import io.flightdeck.views.charts.ConfusionGrid;
import io.flightdeck.views.charts.XYPlot;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * A version's evaluations: the list, and for the selected one its metrics, curves, calibration,
 * confusion matrix, residuals, fairness by group and permutation importance; or, after Compare, two
 * versions side by side on the same dataset with their ROC curves overlaid.
 */
public final class EvaluationsPane extends SplitPane {
  private final TableView<EvaluationRow> list = new TableView<>();
  private final ComboBox<String> compareWith = new ComboBox<>();
  private final Button compare = new Button("Compare");
  private final Label title = new Label("Select an evaluation.");
  private final TableView<MetricRow> metrics = metricTable("eval-metrics");
  private final TableView<FairnessRow> fairness = new TableView<>();
  private final Label fairnessSummary = new Label();
  private final XYPlot roc =
      plot(
          "eval-roc",
          "ROC (AUC)",
          "false positive rate",
          "true positive rate",
          XYPlot.Style.UNIT_DIAGONAL);
  private final XYPlot pr =
      plot("eval-pr", "Precision-recall (AP)", "recall", "precision", XYPlot.Style.UNIT);
  private final XYPlot calibration =
      plot(
          "eval-calibration",
          "Calibration",
          "mean predicted probability",
          "observed frequency",
          XYPlot.Style.UNIT_DIAGONAL);
  private final XYPlot residuals =
      plot(
          "eval-residuals",
          "Residuals",
          "predicted",
          "actual − predicted",
          XYPlot.Style.SCATTER_ZERO);
  private final ConfusionGrid confusion = new ConfusionGrid();
  private final BarsChart importance = new BarsChart();
  private final ComparePane comparison = new ComparePane();
  private final VBox detail;
  private final StackPane lower;

  EvaluationsPane() {
    setOrientation(javafx.geometry.Orientation.VERTICAL);
    list.setId("eval-list");
    list.setPlaceholder(new Label("No evaluations. Use Evaluate… to score a dataset version."));
    list.getColumns().add(column("#", EvaluationRow::id, 50));
    list.getColumns().add(column("Dataset", EvaluationRow::dataset, 160));
    list.getColumns().add(column("Metrics", EvaluationRow::headline, 360));
    list.getColumns().add(column("When", EvaluationRow::when, 140));
    list.getColumns().add(column("Who", EvaluationRow::who, 80));
    compareWith.setId("compare-with");
    compareWith.setPromptText("Other version");
    compare.setId("eval-compare");
    compare
        .disableProperty()
        .bind(
            compareWith
                .valueProperty()
                .isNull()
                .or(list.getSelectionModel().selectedItemProperty().isNull()));
    HBox bar = new HBox(8, new Label("Champion vs challenger: compare with"), compareWith, compare);
    bar.setAlignment(Pos.CENTER_LEFT);
    list.setMinHeight(60);
    list.setPrefHeight(110);
    VBox top = new VBox(4, list, bar);
    top.setMinHeight(100);
    VBox.setVgrow(list, Priority.ALWAYS);
    top.setPadding(new Insets(4));
    title.setId("eval-title");
    title.getStyleClass().add("chart-title");
    confusion.setId("eval-confusion");
    importance.setId("eval-importance");
    fairness.setId("eval-fairness");
    fairness.setPlaceholder(new Label("No group column chosen."));
    fairness.getColumns().add(column("Group", FairnessRow::group, 110));
    fairness.getColumns().add(column("Rows", FairnessRow::rows, 60));
    fairness.getColumns().add(column("Selection rate", FairnessRow::selectionRate, 100));
    fairness.getColumns().add(column("TPR", FairnessRow::truePositiveRate, 70));
    fairness.getColumns().add(column("Accuracy", FairnessRow::accuracy, 70));
    fairness.setPrefHeight(150);
    fairnessSummary.setId("eval-fairness-summary");
    fairnessSummary.setWrapText(true);
    VBox fair = new VBox(4, new Label("Fairness by group"), fairness, fairnessSummary);
    HBox tables = new HBox(8, metrics, fair);
    HBox.setHgrow(fair, Priority.ALWAYS);
    metrics.setPrefHeight(170);
    TilePane charts = new TilePane(8, 8, roc, pr, calibration, confusion, residuals, importance);
    charts.setPrefTileWidth(360);
    charts.setPrefTileHeight(260);
    detail = new VBox(8, title, charts, tables);
    detail.setPadding(new Insets(6));
    comparison.setVisible(false);
    comparison.backButton().setOnAction(e -> showComparison(false));
    lower = new StackPane(scroll(detail), scroll(comparison));
    getItems().addAll(top, lower);
    setDividerPositions(0.28);
  }

  private static ScrollPane scroll(Node n) {
    ScrollPane s = new ScrollPane(n);
    s.setFitToWidth(true);
    s.visibleProperty().bind(n.visibleProperty());
    return s;
  }

  private static XYPlot plot(String id, String title, String x, String y, XYPlot.Style style) {
    XYPlot p = new XYPlot();
    p.setId(id);
    p.setup(title, x, y, style, "no data");
    return p;
  }

  private static TableView<MetricRow> metricTable(String id) {
    TableView<MetricRow> t = new TableView<>();
    t.setId(id);
    t.setPlaceholder(new Label("No metrics."));
    t.getColumns().add(column("Metric", MetricRow::metric, 120));
    t.getColumns().add(column("Value", MetricRow::first, 90));
    t.setPrefWidth(240);
    return t;
  }

  /** Draws one evaluation. */
  public void show(EvaluationCharts c) {
    showComparison(false);
    title.setText(c.title());
    metrics.getItems().setAll(c.metrics());
    roc.setSeries(c.roc());
    pr.setSeries(c.pr());
    calibration.setSeries(c.calibration());
    confusion.setMatrix(c.labels(), c.confusion());
    residuals.setSeries(c.residuals() == null ? List.of() : List.of(c.residuals()));
    for (Node n : new Node[] {roc, pr, calibration, confusion}) {
      n.setVisible(c.classification());
      n.setManaged(c.classification());
    }
    residuals.setVisible(!c.classification());
    residuals.setManaged(!c.classification());
    fairness.getItems().setAll(c.fairness());
    fairnessSummary.setText(c.fairnessSummary());
    importance.setBars(
        "Permutation importance (score drop)", c.features(), c.importance(), c.importanceStd());
  }

  /** Shows two versions side by side: rows metric | first | second | difference, ROC overlaid. */
  public void showComparison(
      String heading,
      List<MetricRow> rows,
      String firstName,
      String secondName,
      List<ChartSeries> rocs) {
    comparison.show(heading, rows, firstName, secondName, rocs);
    showComparison(true);
  }

  private void showComparison(boolean on) {
    comparison.setVisible(on);
    detail.setVisible(!on);
  }

  /** Clears the lower part (no evaluation selected). */
  public void clear() {
    show(
        new EvaluationCharts(
            "Select an evaluation.",
            true,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            new long[0][0],
            null,
            List.of(),
            "",
            List.of(),
            new double[0],
            new double[0]));
  }

  public ObservableList<EvaluationRow> evaluations() {
    return list.getItems();
  }

  public TableView<EvaluationRow> list() {
    return list;
  }

  public ComboBox<String> compareWith() {
    return compareWith;
  }

  public Button compareButton() {
    return compare;
  }

  public ObservableList<MetricRow> metricRows() {
    return metrics.getItems();
  }

  public ObservableList<MetricRow> comparedRows() {
    return comparison.rows();
  }

  public boolean comparing() {
    return comparison.isVisible();
  }

  public XYPlot rocPlot() {
    return roc;
  }

  public XYPlot residualsPlot() {
    return residuals;
  }

  public XYPlot comparedRoc() {
    return comparison.roc();
  }
}
