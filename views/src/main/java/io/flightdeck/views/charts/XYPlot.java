package io.flightdeck.views.charts;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A small canvas plot of lines or points with a title and axis names: ROC and precision-recall
 * curves (unit square, with the chance diagonal), calibration plots, residual scatter plots (with a
 * zero line). Passive: it draws what it is given.
 */
public final class XYPlot extends Pane {
  /** How the plot is drawn. */
  public enum Style {
    /** Lines on [0,1]×[0,1] with the y = x diagonal (ROC, calibration). */
    UNIT_DIAGONAL,
    /** Lines on [0,1]×[0,1] (precision-recall). */
    UNIT,
    /** Points on fitted axes with a y = 0 line (residuals). */
    SCATTER_ZERO,
    /** Lines on fitted axes. */
    LINES
  }

  private static final Color MUTED = Color.web("#888888");
  private final Canvas canvas = new Canvas();
  private List<ChartSeries> series = List.of();
  private Style style = Style.LINES;
  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private String emptyText = "No data";

  public XYPlot() {
    getStyleClass().add("xy-plot");
    getChildren().add(canvas);
    setMinSize(140, 120);
    setPrefSize(320, 240);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener((o, a, b) -> draw());
    canvas.heightProperty().addListener((o, a, b) -> draw());
  }

  /** Sets the title, the axis names, the style and the text shown when there is no data. */
  public void setup(String title, String xLabel, String yLabel, Style style, String emptyText) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.style = style;
    this.emptyText = emptyText;
    draw();
  }

  /** Replaces the lines (or point sets) drawn. */
  public void setSeries(List<ChartSeries> lines) {
    this.series = List.copyOf(lines);
    draw();
  }

  public List<ChartSeries> series() {
    return series;
  }

  /** Width of the legend column at the right: used when there are several series. */
  private double legendWidth(double w) {
    if (series.size() < 2 || style == Style.SCATTER_ZERO) {
      return 0;
    }
    int longest = series.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    return Math.min(w * 0.4, longest * 6.2 + 28);
  }

  private ChartFrame frame(double fullWidth, double h) {
    double w = fullWidth - legendWidth(fullWidth);
    boolean unit = style == Style.UNIT || style == Style.UNIT_DIAGONAL;
    if (unit) {
      boolean any = series.stream().anyMatch(s -> s.x().length > 0);
      return !any || w < 80 || h < 80
          ? null
          : new ChartFrame(
              ChartPainter.LEFT,
              ChartPainter.TOP,
              w - ChartPainter.LEFT - ChartPainter.RIGHT,
              h - ChartPainter.TOP - ChartPainter.BOTTOM - 12,
              0,
              1,
              -0.02,
              1.02,
              false);
    }
    ChartFrame f = ChartPainter.frame(w, h - 12, series, false, null);
    if (f == null || style != Style.SCATTER_ZERO) {
      return f;
    }
    return new ChartFrame(
        f.left(),
        f.top(),
        f.width(),
        f.height(),
        f.xMin(),
        f.xMax(),
        Math.min(f.yMin(), -0.1),
        Math.max(f.yMax(), 0.1),
        false);
  }

  private void draw() {
    double w = canvas.getWidth(), h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    g.setFont(Font.font(11));
    ChartFrame f = frame(w, h);
    g.setFill(MUTED);
    g.setTextBaseline(VPos.CENTER);
    if (f == null) {
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText(title.isEmpty() ? emptyText : title + ": " + emptyText, w / 2, h / 2);
      return;
    }
    ChartPainter.axes(g, f, false);
    g.save();
    g.beginPath();
    g.rect(f.left(), f.top(), f.width(), f.height());
    g.clip();
    g.setStroke(MUTED);
    g.setLineDashes(4, 4);
    if (style == Style.UNIT_DIAGONAL) {
      g.strokeLine(f.px(0), f.py(0), f.px(1), f.py(1));
    } else if (style == Style.SCATTER_ZERO) {
      g.strokeLine(f.left(), f.py(0), f.left() + f.width(), f.py(0));
    }
    g.setLineDashes();
    for (int i = 0; i < series.size(); i++) {
      ChartSeries s = series.get(i);
      Color c = ChartPainter.color(i);
      if (style == Style.SCATTER_ZERO) {
        g.setFill(c.deriveColor(0, 1, 1, 0.55));
        for (int k = 0; k < s.x().length; k++) {
          double py = f.py(s.y()[k]);
          if (Double.isFinite(py) && Double.isFinite(s.x()[k])) {
            g.fillOval(f.px(s.x()[k]) - 2.5, py - 2.5, 5, 5);
          }
        }
      } else {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(1.8);
        ChartPainter.line(g, f, s.x(), s.y());
        g.setLineWidth(1);
      }
    }
    g.restore();
    labels(g, f, w, h);
  }

  private void labels(GraphicsContext g, ChartFrame f, double w, double h) {
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(Color.web("#555555"));
    g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11));
    g.fillText(title, 6, 10);
    g.setFont(Font.font(11));
    double legend = legendWidth(w);
    if (legend > 0) {
      int fit = (int) ((legend - 26) / 6.2);
      for (int i = 0; i < series.size(); i++) {
        String name = series.get(i).name();
        double y = f.top() + 6 + i * 15;
        g.setFill(ChartPainter.color(i));
        g.fillRect(w - legend + 6, y - 2, 14, 4);
        g.setFill(MUTED);
        g.fillText(
            name.length() > fit ? name.substring(0, Math.max(1, fit - 1)) + "…" : name,
            w - legend + 24,
            y);
      }
    } else if (series.size() == 1 && style != Style.SCATTER_ZERO) {
      double x = 6 + title.length() * 6.8 + 14;
      g.setFill(ChartPainter.color(0));
      g.fillRect(x, 8, 14, 4);
      g.setFill(MUTED);
      g.fillText(series.get(0).name(), x + 18, 10);
    }
    g.setFill(MUTED);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(xLabel, f.left() + f.width() / 2, h - 7);
    g.save();
    g.translate(10, f.top() + f.height() / 2);
    g.rotate(-90);
    g.fillText(yLabel, 0, 0);
    g.restore();
  }
}
