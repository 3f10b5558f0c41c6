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
 * Horizontal bars, largest first as given, with an optional spread whisker (e.g. permutation
 * feature importance: mean drop in score and its standard deviation over repeats).
 */
public final class BarsChart extends Pane {
  private final Canvas canvas = new Canvas();
  private String title = "";
  private List<String> names = List.of();
  private double[] values = new double[0];
  private double[] spreads = new double[0];

  public BarsChart() {
    getStyleClass().add("bars-chart");
    getChildren().add(canvas);
    setMinSize(140, 120);
    setPrefSize(320, 240);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener((o, a, b) -> draw());
    canvas.heightProperty().addListener((o, a, b) -> draw());
  }

  /** Shows the bars; {@code spreads} may be null or shorter (no whisker then). */
  public void setBars(String title, List<String> names, double[] values, double[] spreads) {
    this.title = title;
    this.names = List.copyOf(names);
    this.values = values;
    this.spreads = spreads == null ? new double[0] : spreads;
    draw();
  }

  public int barCount() {
    return names.size();
  }

  private void draw() {
    double w = canvas.getWidth(), h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    g.setFont(Font.font(11));
    g.setTextBaseline(VPos.CENTER);
    g.setFill(Color.web("#555555"));
    g.setTextAlign(TextAlignment.LEFT);
    g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11));
    g.fillText(title, 6, 10);
    g.setFont(Font.font(11));
    double left = 110, top = 24, right = 60;
    if (names.isEmpty() || w < left + right + 20) {
      g.setFill(Color.web("#888888"));
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("No data", w / 2, h / 2);
      return;
    }
    double max = 1e-12, min = 0;
    for (int i = 0; i < values.length; i++) {
      double s = i < spreads.length ? spreads[i] : 0;
      max = Math.max(max, values[i] + s);
      min = Math.min(min, values[i]);
    }
    double span = max - min;
    double zeroX = left + (-min) / span * (w - left - right);
    double bar = Math.min(22, (h - top - 6) / names.size());
    for (int i = 0; i < names.size(); i++) {
      double y = top + i * bar;
      double x1 = left + (values[i] - min) / span * (w - left - right);
      g.setFill(ChartPainter.color(0).deriveColor(0, 1, 1, 0.8));
      g.fillRect(Math.min(zeroX, x1), y + 2, Math.abs(x1 - zeroX), bar - 5);
      if (i < spreads.length && spreads[i] > 0) {
        double lo = left + (values[i] - spreads[i] - min) / span * (w - left - right);
        double hi = left + (values[i] + spreads[i] - min) / span * (w - left - right);
        g.setStroke(Color.web("#333333"));
        g.strokeLine(lo, y + bar / 2, hi, y + bar / 2);
      }
      g.setFill(Color.web("#666666"));
      g.setTextAlign(TextAlignment.RIGHT);
      String n = names.get(i);
      g.fillText(n.length() > 16 ? n.substring(0, 15) + "…" : n, left - 6, y + bar / 2);
      g.setTextAlign(TextAlignment.LEFT);
      g.fillText(ChartPainter.format(values[i]), Math.max(x1, zeroX) + 4, y + bar / 2);
    }
    g.setStroke(Color.web("#888888"));
    g.strokeLine(zeroX, top, zeroX, top + names.size() * bar);
  }
}
