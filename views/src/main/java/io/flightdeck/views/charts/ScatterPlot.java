package io.flightdeck.views.charts;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A small canvas scatter plot (e.g. a param against a metric across runs). */
public final class ScatterPlot extends Pane {
  private final Canvas canvas = new Canvas();
  private double[] xs = new double[0];
  private double[] ys = new double[0];
  private String xLabel = "";
  private String yLabel = "";

  public ScatterPlot() {
    getChildren().add(canvas);
    setMinSize(120, 100);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener((o, a, b) -> draw());
    canvas.heightProperty().addListener((o, a, b) -> draw());
  }

  /** Shows the points (pairs with NaN are skipped). */
  public void setPoints(double[] x, double[] y, String xLabel, String yLabel) {
    this.xs = x;
    this.ys = y;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    draw();
  }

  /** How many points are shown. */
  public int pointCount() {
    return xs.length;
  }

  private void draw() {
    double w = canvas.getWidth(), h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    ChartFrame f = ChartPainter.frame(w, h, List.of(ChartSeries.line("", xs, ys)), false, null);
    if (f == null) {
      ChartPainter.paint(
          g, w, h, List.of(), false, false, null, "Choose a numeric param and a metric");
      return;
    }
    g.clearRect(0, 0, w, h);
    g.setFont(Font.font(11));
    double padX = (f.xMax() - f.xMin()) * 0.04;
    ChartFrame padded =
        new ChartFrame(
            f.left(),
            f.top(),
            f.width(),
            f.height(),
            f.xMin() - padX,
            f.xMax() + padX,
            f.yMin(),
            f.yMax(),
            false);
    ChartPainter.axes(g, padded, false);
    g.setFill(ChartPainter.color(0).deriveColor(0, 1, 1, 0.8));
    for (int i = 0; i < xs.length; i++) {
      double py = padded.py(ys[i]);
      if (Double.isFinite(py) && Double.isFinite(xs[i])) {
        g.fillOval(padded.px(xs[i]) - 4, py - 4, 8, 8);
      }
    }
    g.setFill(Color.web("#888888"));
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(yLabel + " (y)  vs  " + xLabel + " (x)", f.left(), f.top() / 2);
  }
}
