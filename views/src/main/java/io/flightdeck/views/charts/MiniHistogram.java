package io.flightdeck.views.charts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A tiny bar chart for table cells: bar heights proportional to counts. */
public final class MiniHistogram extends Canvas {
  /** A canvas of the given size showing {@code counts}. */
  public MiniHistogram(double width, double height, double[] counts) {
    super(width, height);
    draw(counts);
  }

  private void draw(double[] counts) {
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, getWidth(), getHeight());
    if (counts == null || counts.length == 0) {
      return;
    }
    double max = 0;
    for (double c : counts) {
      max = Math.max(max, c);
    }
    if (max <= 0) {
      return;
    }
    double w = getWidth() / counts.length;
    g.setFill(Color.web("#3b6fd8"));
    for (int i = 0; i < counts.length; i++) {
      double h = counts[i] / max * (getHeight() - 1);
      g.fillRect(i * w, getHeight() - h, Math.max(1, w - 1), h);
    }
  }
}
