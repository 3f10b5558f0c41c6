package io.flightdeck.views.charts;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws {@link ChartSeries} with axes, grid and legend on a canvas. FX thread only. */
public final class ChartPainter {
  static final Color[] PALETTE = {
    Color.web("#3b6fd8"), Color.web("#e4572e"), Color.web("#2e8b57"), Color.web("#9b59b6"),
    Color.web("#f0a202"), Color.web("#17a2b8"), Color.web("#d63384"), Color.web("#6c757d")
  };
  static final double LEFT = 62;
  static final double RIGHT = 14;
  static final double TOP = 26;
  static final double BOTTOM = 24;
  private static final Color AXIS = Color.web("#888888");
  private static final Color GRID = Color.web("#88888830");
  private static final Font FONT = Font.font(11);

  private ChartPainter() {}

  /** The colour of the series at {@code index}. */
  public static Color color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /**
   * Clears the canvas area and draws the series; returns the frame used (null when there is nothing
   * finite to draw, after drawing {@code emptyText}).
   *
   * @param xWindow the x range to show, or null for all data
   */
  public static ChartFrame paint(
      GraphicsContext g,
      double w,
      double h,
      List<ChartSeries> series,
      boolean logY,
      boolean timeX,
      double[] xWindow,
      String emptyText) {
    g.clearRect(0, 0, w, h);
    g.setFont(FONT);
    ChartFrame f = frame(w, h, series, logY, xWindow);
    if (f == null) {
      g.setFill(AXIS);
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(emptyText, w / 2, h / 2);
      return null;
    }
    axes(g, f, timeX);
    g.save();
    g.beginPath();
    g.rect(f.left(), f.top(), f.width(), f.height());
    g.clip();
    for (int i = 0; i < series.size(); i++) {
      ChartSeries s = series.get(i);
      Color c = color(i);
      if (s.lo() != null && s.hi() != null) {
        g.setFill(c.deriveColor(0, 1, 1, 0.18));
        band(g, f, s.x(), s.lo(), s.hi());
      }
      boolean smoothed = s.smoothY() != null;
      g.setStroke(smoothed ? c.deriveColor(0, 1, 1, 0.28) : c);
      g.setFill(g.getStroke());
      g.setLineWidth(smoothed ? 1 : 1.5);
      line(g, f, s.x(), s.y());
      if (smoothed) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(1.8);
        line(g, f, s.smoothX(), s.smoothY());
      }
    }
    g.restore();
    legend(g, series, w);
    return f;
  }

  static ChartFrame frame(
      double w, double h, List<ChartSeries> series, boolean logY, double[] xWindow) {
    double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
    for (ChartSeries s : series) {
      for (double[][] xy :
          new double[][][] {
            {s.x(), s.y()}, {s.x(), s.lo()}, {s.x(), s.hi()}, {s.smoothX(), s.smoothY()}
          }) {
        if (xy[0] == null || xy[1] == null) {
          continue;
        }
        for (int i = 0; i < xy[0].length; i++) {
          double x = xy[0][i];
          double y = logY ? (xy[1][i] > 0 ? Math.log10(xy[1][i]) : Double.NaN) : xy[1][i];
          if (!Double.isFinite(x) || !Double.isFinite(y)) {
            continue;
          }
          if (xWindow != null && (x < xWindow[0] || x > xWindow[1])) {
            continue;
          }
          xMin = Math.min(xMin, x);
          xMax = Math.max(xMax, x);
          yMin = Math.min(yMin, y);
          yMax = Math.max(yMax, y);
        }
      }
    }
    if (xMin > xMax || w <= LEFT + RIGHT + 10 || h <= TOP + BOTTOM + 10) {
      return null;
    }
    if (xWindow != null) {
      xMin = xWindow[0];
      xMax = xWindow[1];
    }
    if (xMax == xMin) {
      xMin -= 0.5;
      xMax += 0.5;
    }
    double pad = yMax == yMin ? Math.max(Math.abs(yMax) * 0.05, 0.5) : (yMax - yMin) * 0.04;
    return new ChartFrame(
        LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM, xMin, xMax, yMin - pad, yMax + pad, logY);
  }

  /** A polyline broken at NaN; a point with no neighbour to connect to is drawn as a dot. */
  static void line(GraphicsContext g, ChartFrame f, double[] x, double[] y) {
    g.beginPath();
    int run = 0;
    double lastX = 0, lastY = 0;
    for (int i = 0; i < x.length; i++) {
      double py = f.py(y[i]);
      if (!Double.isFinite(py) || !Double.isFinite(x[i])) {
        if (run == 1) {
          g.fillOval(lastX - 2.5, lastY - 2.5, 5, 5);
        }
        run = 0;
        continue;
      }
      double px = f.px(x[i]);
      if (run > 0) {
        g.lineTo(px, py);
      } else {
        g.moveTo(px, py);
      }
      run++;
      lastX = px;
      lastY = py;
    }
    if (run == 1) {
      g.fillOval(lastX - 2.5, lastY - 2.5, 5, 5);
    }
    g.stroke();
  }

  private static void band(GraphicsContext g, ChartFrame f, double[] x, double[] lo, double[] hi) {
    int i = 0;
    while (i < x.length) {
      while (i < x.length && !finite(f, x[i], lo[i], hi[i])) {
        i++;
      }
      int start = i;
      while (i < x.length && finite(f, x[i], lo[i], hi[i])) {
        i++;
      }
      if (i - start < 2) {
        continue;
      }
      g.beginPath();
      g.moveTo(f.px(x[start]), f.py(lo[start]));
      for (int k = start + 1; k < i; k++) {
        g.lineTo(f.px(x[k]), f.py(lo[k]));
      }
      for (int k = i - 1; k >= start; k--) {
        g.lineTo(f.px(x[k]), f.py(hi[k]));
      }
      g.closePath();
      g.fill();
    }
  }

  private static boolean finite(ChartFrame f, double x, double lo, double hi) {
    return Double.isFinite(x) && Double.isFinite(f.py(lo)) && Double.isFinite(f.py(hi));
  }

  static void axes(GraphicsContext g, ChartFrame f, boolean timeX) {
    g.setLineWidth(1);
    g.setFill(AXIS);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    double yStep = niceStep(f.yMax() - f.yMin(), Math.max(2, Math.min(6, (int) (f.height() / 40))));
    for (long k = (long) Math.ceil(f.yMin() / yStep); k * yStep <= f.yMax(); k++) {
      double v = k * yStep;
      double py = f.top() + f.height() - (v - f.yMin()) / (f.yMax() - f.yMin()) * f.height();
      g.setStroke(GRID);
      g.strokeLine(f.left(), py, f.left() + f.width(), py);
      g.fillText(f.logY() ? format(Math.pow(10, v)) : format(v), f.left() - 6, py);
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    double xStep = niceStep(f.xMax() - f.xMin(), Math.max(2, (int) (f.width() / 90)));
    for (long k = (long) Math.ceil(f.xMin() / xStep); k * xStep <= f.xMax(); k++) {
      double v = k * xStep;
      double px = f.px(v);
      g.setStroke(GRID);
      g.strokeLine(px, f.top(), px, f.top() + f.height());
      g.fillText(timeX ? duration(v) : format(v), px, f.top() + f.height() + 5);
    }
    g.setStroke(AXIS);
    g.strokeRect(f.left(), f.top(), f.width(), f.height());
  }

  private static void legend(GraphicsContext g, List<ChartSeries> series, double w) {
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    double x = LEFT;
    for (int i = 0; i < series.size(); i++) {
      String name = series.get(i).name();
      double tw = name.length() * 6.2 + 26;
      if (x + tw > w - RIGHT) {
        g.setFill(AXIS);
        g.fillText("+" + (series.size() - i) + " more", x, TOP / 2);
        return;
      }
      g.setFill(color(i));
      g.fillRect(x, TOP / 2 - 2, 14, 4);
      g.setFill(AXIS);
      g.fillText(name, x + 18, TOP / 2);
      x += tw;
    }
  }

  static double niceStep(double range, int n) {
    if (!(range > 0)) {
      return 1;
    }
    double raw = range / n;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double r = raw / mag;
    double nice = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10;
    return nice * mag;
  }

  /** A compact number: 4 significant digits, scientific when very large or small. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Seconds as {@code 45s}, {@code 3m05s} or {@code 2h03m}. */
  public static String duration(double seconds) {
    long s = Math.round(seconds);
    if (Math.abs(s) < 60) {
      return s + "s";
    }
    if (Math.abs(s) < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, Math.abs(s % 60));
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, Math.abs(s / 60 % 60));
  }
}
