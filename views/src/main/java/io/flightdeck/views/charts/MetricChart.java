package io.flightdeck.views.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * An interactive line chart drawn on a canvas: several series, x by step or by time, log-scale y,
 * EMA smoothing slider, drag to zoom (double-click resets), hover crosshair with each series' value
 * at the nearest x, legend, optional min-max band. Passive: it draws the points it is given;
 * whoever fills it re-reduces them when {@link #plotWidthProperty}, {@link #xWindowProperty},
 * {@link #smoothingProperty} or {@link #timeAxisProperty} change.
 */
public final class MetricChart extends BorderPane {
  private final ObservableList<ChartSeries> series = FXCollections.observableArrayList();
  private final Pane plot = new Pane();
  private final Canvas base = new Canvas();
  private final Canvas overlay = new Canvas();
  private final Label hover = new Label();
  private final CheckBox logY = new CheckBox("Log y");
  private final ToggleButton timeAxis = new ToggleButton("By time");
  private final Slider smoothing = new Slider(0, 0.99, 0);
  private final ObjectProperty<double[]> xWindow = new SimpleObjectProperty<>();
  private final ReadOnlyIntegerWrapper plotWidth = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
  private String emptyText = "No data";
  private ChartFrame frame;
  private double dragStart = Double.NaN;

  public MetricChart() {
    getStyleClass().add("metric-chart");
    setMinSize(160, 120);
    Label smoothLabel = new Label();
    smoothLabel.textProperty().bind(smoothing.valueProperty().asString("Smoothing %.2f"));
    smoothLabel.setMinWidth(100);
    smoothing.setPrefWidth(140);
    smoothing.setId("chart-smoothing");
    logY.setId("chart-log-y");
    timeAxis.setId("chart-time-axis");
    timeAxis.setTooltip(
        new javafx.scene.control.Tooltip("Align by time since start instead of step"));
    HBox controls = new HBox(10, timeAxis, logY, smoothLabel, smoothing);
    controls.setAlignment(Pos.CENTER_LEFT);
    controls.setPadding(new Insets(2, 0, 4, 0));
    setTop(controls);
    hover.setId("chart-hover");
    hover.setMouseTransparent(true);
    hover.setVisible(false);
    hover.setStyle(
        "-fx-background-color: rgba(30,30,30,0.85); -fx-text-fill: white; -fx-padding: 4 6 4 6;"
            + " -fx-background-radius: 4; -fx-font-size: 11px;");
    plot.getChildren().addAll(base, overlay, hover);
    plot.setMinSize(0, 0);
    setCenter(plot);
    base.widthProperty().bind(plot.widthProperty());
    base.heightProperty().bind(plot.heightProperty());
    overlay.widthProperty().bind(plot.widthProperty());
    overlay.heightProperty().bind(plot.heightProperty());
    base.widthProperty().addListener((o, a, b) -> sizeChanged());
    base.heightProperty().addListener((o, a, b) -> redraw());
    series.addListener((javafx.collections.ListChangeListener<ChartSeries>) c -> redraw());
    logY.selectedProperty().addListener((o, a, b) -> redraw());
    xWindow.addListener((o, a, b) -> redraw());
    overlay.setOnMouseMoved(this::hoverAt);
    overlay.setOnMouseExited(e -> clearHover());
    overlay.setOnMousePressed(
        e -> dragStart = e.getButton() == MouseButton.PRIMARY ? e.getX() : Double.NaN);
    overlay.setOnMouseDragged(this::dragged);
    overlay.setOnMouseReleased(this::released);
    overlay.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            xWindow.set(null);
          }
        });
  }

  private void sizeChanged() {
    plotWidth.set((int) Math.max(0, base.getWidth() - ChartPainter.LEFT - ChartPainter.RIGHT));
    redraw();
  }

  /** Redraws the chart from the current series and settings. */
  public void redraw() {
    GraphicsContext g = base.getGraphicsContext2D();
    frame =
        ChartPainter.paint(
            g,
            base.getWidth(),
            base.getHeight(),
            List.copyOf(series),
            logY.isSelected(),
            timeAxis.isSelected(),
            xWindow.get(),
            emptyText);
    clearHover();
  }

  private void hoverAt(MouseEvent e) {
    GraphicsContext g = overlay.getGraphicsContext2D();
    g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    if (frame == null || e.getX() < frame.left() || e.getX() > frame.left() + frame.width()) {
      clearHover();
      return;
    }
    double x = frame.dataX(e.getX());
    List<String> lines = new ArrayList<>();
    double shownX = Double.NaN;
    for (int i = 0; i < series.size(); i++) {
      ChartSeries s = series.get(i);
      double[] xs = s.smoothX() != null ? s.smoothX() : s.x();
      double[] ys = s.smoothY() != null ? s.smoothY() : s.y();
      int k = nearest(xs, x);
      if (k < 0) {
        continue;
      }
      shownX = xs[k];
      double py = frame.py(ys[k]);
      if (Double.isFinite(py)) {
        g.setFill(ChartPainter.color(i));
        g.fillOval(frame.px(xs[k]) - 3, py - 3, 6, 6);
      }
      lines.add(s.name() + ": " + ChartPainter.format(ys[k]));
    }
    g.setStroke(Color.web("#88888899"));
    g.strokeLine(e.getX(), frame.top(), e.getX(), frame.top() + frame.height());
    if (lines.isEmpty()) {
      clearHover();
      return;
    }
    String head =
        timeAxis.isSelected()
            ? "time " + ChartPainter.duration(shownX)
            : "step " + ChartPainter.format(shownX);
    lines.add(0, head);
    hoverText.set(String.join("\n", lines));
    hover.setText(hoverText.get());
    hover.setVisible(true);
    hover.autosize();
    double lx = e.getX() + 12;
    if (lx + hover.getWidth() > plot.getWidth()) {
      lx = e.getX() - 12 - hover.getWidth();
    }
    hover.relocate(Math.max(0, lx), Math.max(0, e.getY() - hover.getHeight() / 2));
  }

  /** The index of the finite point nearest to {@code x} in an ascending array, or -1. */
  static int nearest(double[] xs, double x) {
    if (xs.length == 0) {
      return -1;
    }
    int lo = 0, hi = xs.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (xs[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > 0 && Math.abs(xs[lo - 1] - x) <= Math.abs(xs[lo] - x)) {
      lo--;
    }
    return lo;
  }

  private void clearHover() {
    overlay.getGraphicsContext2D().clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    hover.setVisible(false);
    hoverText.set("");
  }

  private void dragged(MouseEvent e) {
    if (Double.isNaN(dragStart) || frame == null) {
      return;
    }
    GraphicsContext g = overlay.getGraphicsContext2D();
    g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    g.setFill(Color.web("#3b6fd830"));
    g.fillRect(
        Math.min(dragStart, e.getX()), frame.top(), Math.abs(e.getX() - dragStart), frame.height());
  }

  private void released(MouseEvent e) {
    if (!Double.isNaN(dragStart) && frame != null && Math.abs(e.getX() - dragStart) > 5) {
      double a = frame.dataX(Math.min(dragStart, e.getX()));
      double b = frame.dataX(Math.max(dragStart, e.getX()));
      xWindow.set(new double[] {a, b});
    }
    dragStart = Double.NaN;
  }

  /** The lines shown; replace them all at once ({@code setAll}) to draw once. */
  public ObservableList<ChartSeries> series() {
    return series;
  }

  /** Width of the plotting area in pixels: reduce series to about 2 points per pixel of it. */
  public ReadOnlyIntegerProperty plotWidthProperty() {
    return plotWidth.getReadOnlyProperty();
  }

  /** The zoomed x range {min, max}; null shows everything. */
  public ObjectProperty<double[]> xWindowProperty() {
    return xWindow;
  }

  /** EMA weight 0..0.99 chosen with the slider (0 = no smoothing). */
  public DoubleProperty smoothingProperty() {
    return smoothing.valueProperty();
  }

  public BooleanProperty logYProperty() {
    return logY.selectedProperty();
  }

  /** True: x is seconds since the run started; false: x is the step. */
  public BooleanProperty timeAxisProperty() {
    return timeAxis.selectedProperty();
  }

  /** What the hover tooltip shows now (empty when hidden). */
  public ReadOnlyStringProperty hoverTextProperty() {
    return hoverText.getReadOnlyProperty();
  }

  /** The text drawn when there is nothing to plot. */
  public void setEmptyText(String text) {
    emptyText = text;
    redraw();
  }

  /** Simulates the pointer at canvas coordinates (for tests and keyboard users). */
  public void hoverAt(double x, double y) {
    hoverAt(
        new MouseEvent(
            MouseEvent.MOUSE_MOVED,
            x,
            y,
            x,
            y,
            MouseButton.NONE,
            0,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            null));
  }
}
