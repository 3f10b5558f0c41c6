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
 * A confusion matrix as a heat grid: rows are the true labels, columns the predicted ones, each
 * cell shaded by its share of its row and labelled with its count.
 */
public final class ConfusionGrid extends Pane {
  private static final Color ACCENT = Color.web("#3b6fd8");
  private final Canvas canvas = new Canvas();
  private List<String> labels = List.of();
  private long[][] counts = new long[0][0];

  public ConfusionGrid() {
    getStyleClass().add("confusion-grid");
    getChildren().add(canvas);
    setMinSize(140, 120);
    setPrefSize(320, 240);
    canvas.widthProperty().bind(widthProperty());
    canvas.heightProperty().bind(heightProperty());
    canvas.widthProperty().addListener((o, a, b) -> draw());
    canvas.heightProperty().addListener((o, a, b) -> draw());
  }

  /** Shows a matrix; {@code counts[actual][predicted]}, labels in the same order. */
  public void setMatrix(List<String> labels, long[][] counts) {
    this.labels = List.copyOf(labels);
    this.counts = counts;
    draw();
  }

  /** The count in a cell (tests). */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  private void draw() {
    double w = canvas.getWidth(), h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    g.setFont(Font.font(11));
    g.setFill(Color.web("#888888"));
    g.setTextBaseline(VPos.CENTER);
    int n = labels.size();
    double left = 90, top = 40;
    if (n == 0 || counts.length != n || w < left + 40 || h < top + 40) {
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("Confusion matrix: no data", w / 2, h / 2);
      return;
    }
    double cell = Math.min((w - left - 10) / n, (h - top - 10) / n);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(Color.web("#555555"));
    g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11));
    g.fillText("Confusion matrix (rows: actual, columns: predicted)", 6, 10);
    g.setFont(Font.font(11));
    for (int a = 0; a < n; a++) {
      long rowTotal = 0;
      for (long c : counts[a]) {
        rowTotal += c;
      }
      for (int p = 0; p < n; p++) {
        double share = rowTotal == 0 ? 0 : (double) counts[a][p] / rowTotal;
        double x = left + p * cell, y = top + a * cell;
        g.setFill(ACCENT.deriveColor(0, 1, 1, 0.08 + 0.85 * share));
        g.fillRect(x, y, cell - 2, cell - 2);
        g.setFill(share > 0.5 ? Color.WHITE : Color.web("#333333"));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Long.toString(counts[a][p]), x + cell / 2 - 1, y + cell / 2 - 1);
      }
      g.setFill(Color.web("#666666"));
      g.setTextAlign(TextAlignment.RIGHT);
      g.fillText(clip(labels.get(a)), left - 6, top + a * cell + cell / 2);
    }
    g.setTextAlign(TextAlignment.CENTER);
    for (int p = 0; p < n; p++) {
      g.fillText(clip(labels.get(p)), left + p * cell + cell / 2, top - 10);
    }
  }

  private static String clip(String s) {
    return s.length() > 12 ? s.substring(0, 11) + "…" : s;
  }
}
