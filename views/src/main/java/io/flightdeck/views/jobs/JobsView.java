package io.flightdeck.views.jobs;

import io.flightdeck.views.charts.MetricChart;
import io.flightdeck.views.common.Tables;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Jobs section: jobs started from this workspace (training and commands), the selected job's
 * state, live metric chart and log, and Cancel. Passive: the controller fills its state and handles
 * the buttons.
 */
public final class JobsView extends BorderPane {
  private final Button train = new Button("Train...");
  private final Button sweep = new Button("Sweep...");
  private final Button runCommand = new Button("Run Command...");
  private final Button cancel = new Button("Cancel Job");
  private final Button openRun = new Button("Open Run");
  private final TableView<JobRow> table = new TableView<>();
  private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
  private final Label state = new Label("No job selected.");
  private final ComboBox<String> metricKey = new ComboBox<>();
  private final MetricChart chart = new MetricChart();
  private final TextArea log = new TextArea();
  private final BooleanProperty cancellable = new SimpleBooleanProperty(false);

  public JobsView() {
    setId("jobs-view");
    train.setId("jobs-train");
    train.setTooltip(new Tooltip("Train a built-in model on a dataset version (Ctrl+T)"));
    sweep.setId("jobs-sweep");
    sweep.setTooltip(
        new Tooltip("Train one run per hyperparameter combination or draw, across hosts"));
    runCommand.setId("jobs-run-command");
    cancel.setId("jobs-cancel");
    cancel.disableProperty().bind(cancellable.not());
    cancel.setTooltip(new Tooltip("Kill the job's whole process tree"));
    openRun.setId("jobs-open-run");
    openRun.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    ToolBar bar = new ToolBar(train, sweep, runCommand, cancel, openRun);

    table.setId("jobs-table");
    table.setItems(rows);
    table.setPlaceholder(new Label("No jobs yet. Train a model or run a command."));
    table.getColumns().add(Tables.column("Run", JobRow::run, 180));
    table.getColumns().add(Tables.column("Kind", JobRow::kind, 80));
    table.getColumns().add(Tables.column("Host", JobRow::host, 80));
    table.getColumns().add(Tables.column("State", JobRow::state, 100));
    table.getColumns().add(Tables.column("Started", JobRow::started, 150));
    table.getColumns().add(Tables.column("Message", JobRow::message, 360));

    state.setId("jobs-state");
    state.setWrapText(true);
    state.setPadding(new Insets(4, 8, 4, 8));
    metricKey.setId("jobs-metric");
    metricKey.setPromptText("Metric");
    chart.setId("jobs-chart");
    chart.setEmptyText("Metrics appear here while the job runs.");
    log.setId("jobs-log");
    log.setEditable(false);
    log.setWrapText(false);
    log.setStyle("-fx-font-family: monospace;");
    HBox chartBar = new HBox(8, new Label("Chart:"), metricKey);
    chartBar.setPadding(new Insets(4, 8, 0, 8));
    VBox chartBox = new VBox(chartBar, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
    SplitPane detail = new SplitPane(chartBox, log);
    detail.setDividerPositions(0.55);
    VBox lower = new VBox(state, detail);
    VBox.setVgrow(detail, Priority.ALWAYS);
    SplitPane split = new SplitPane(table, lower);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.3);
    setTop(bar);
    setCenter(split);
  }

  public Button trainButton() {
    return train;
  }

  public Button sweepButton() {
    return sweep;
  }

  public Button runCommandButton() {
    return runCommand;
  }

  public Button cancelButton() {
    return cancel;
  }

  public Button openRunButton() {
    return openRun;
  }

  public TableView<JobRow> table() {
    return table;
  }

  /** The table's rows (state). */
  public ObservableList<JobRow> rows() {
    return rows;
  }

  /** Whether the selected job can be cancelled (state). */
  public BooleanProperty cancellableProperty() {
    return cancellable;
  }

  /** The selected job's state line: what it does, why it waits, or how it ended. */
  public void setStateText(String text, boolean failed) {
    state.setText(text);
    state.getStyleClass().remove("job-failed");
    if (failed) {
      state.getStyleClass().add("job-failed");
    }
  }

  public Label stateLabel() {
    return state;
  }

  public ComboBox<String> metricKey() {
    return metricKey;
  }

  public MetricChart chart() {
    return chart;
  }

  /** Replaces the log text and scrolls to its end. */
  public void setLog(String text) {
    log.setText(text);
    log.positionCaret(text.length());
    log.setScrollTop(Double.MAX_VALUE);
  }

  /** Appends to the log and keeps the end in view. */
  public void appendLog(String text) {
    log.appendText(text);
  }

  public TextArea log() {
    return log;
  }
}
