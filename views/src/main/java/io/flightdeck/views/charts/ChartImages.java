package io.flightdeck.views.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Drift and profile charts drawn with XChart into images (XChart's Swing panel does not work
 * headless; an image does). Pure functions of their inputs; call from any thread, show the image on
 * the FX thread.
 */
public final class ChartImages {
  private static final Color REFERENCE = new Color(0x3b6fd8);
  private static final Color CURRENT = new Color(0xe0823d);
  private static final Color THRESHOLD = new Color(0xc0392b);

  private ChartImages() {}

  /**
   * Drift score per column (sorted by the caller) with each column's threshold as a red marker
   * line.
   */
  public static Image driftScores(
      List<String> columns, List<Double> scores, List<Double> thresholds, int width, int height) {
    return driftScores("Drift score per column", columns, scores, thresholds, width, height);
  }

  /** As {@link #driftScores(List, List, List, int, int)}, with a title. */
  public static Image driftScores(
      String title,
      List<String> columns,
      List<Double> scores,
      List<Double> thresholds,
      int width,
      int height) {
    CategoryChart chart =
        new CategoryChartBuilder().width(width).height(height).title(title).build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(columns.size() > 8 ? 45 : 0);
    if (columns.isEmpty()) {
      return render(chart);
    }
    CategorySeries s = chart.addSeries("score", columns, scores);
    s.setFillColor(REFERENCE);
    CategorySeries t = chart.addSeries("threshold", columns, thresholds);
    t.setChartCategorySeriesRenderStyle(
        org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
    t.setLineColor(THRESHOLD);
    t.setMarkerColor(THRESHOLD);
    t.setMarker(SeriesMarkers.DIAMOND);
    chart.getStyler().setOverlapped(true);
    return render(chart);
  }

  /** One distribution: counts per bin or category. */
  public static Image distribution(
      String title, List<String> bins, List<Double> counts, int width, int height) {
    CategoryChart chart =
        new CategoryChartBuilder().width(width).height(height).title(title).build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(bins.size() > 8 ? 45 : 0);
    if (!bins.isEmpty()) {
      chart.addSeries("count", bins, counts).setFillColor(REFERENCE);
    }
    return render(chart);
  }

  /** Reference vs current share per bin or category, overlaid. */
  public static Image compareDistributions(
      String title,
      List<String> bins,
      List<Double> reference,
      List<Double> current,
      int width,
      int height) {
    CategoryChart chart =
        new CategoryChartBuilder().width(width).height(height).title(title).build();
    style(chart.getStyler());
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setXAxisLabelRotation(bins.size() > 8 ? 45 : 0);
    if (bins.isEmpty()) {
      return render(chart);
    }
    CategorySeries r = chart.addSeries("reference", bins, reference);
    r.setFillColor(new Color(0x3b, 0x6f, 0xd8, 150));
    CategorySeries c = chart.addSeries("current", bins, current);
    c.setFillColor(new Color(0xe0, 0x82, 0x3d, 150));
    return render(chart);
  }

  /** A score over windows with the reference band (mean ± 3 std) as dashed lines. */
  public static Image scoreOverTime(
      String title,
      List<String> windows,
      double[] scores,
      double lower,
      double mean,
      double upper,
      int width,
      int height) {
    XYChart chart =
        new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("window").build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    if (windows.isEmpty()) {
      return render(chart);
    }
    double[] x = new double[windows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    XYSeries s = chart.addSeries("score", x, scores);
    s.setLineColor(CURRENT);
    s.setMarkerColor(CURRENT);
    s.setMarker(SeriesMarkers.CIRCLE);
    if (Double.isFinite(mean)) {
      addFlat(chart, "reference mean", x, mean, REFERENCE, false);
    }
    if (Double.isFinite(upper)) {
      addFlat(chart, "mean ± 3 std", x, upper, THRESHOLD, true);
    }
    if (Double.isFinite(lower)) {
      addFlat(chart, "lower", x, lower, THRESHOLD, true).setShowInLegend(false);
    }
    return render(chart);
  }

  private static XYSeries addFlat(
      XYChart chart, String name, double[] x, double y, Color color, boolean dashed) {
    double[] ys = new double[x.length];
    java.util.Arrays.fill(ys, y);
    XYSeries s = chart.addSeries(name, x, ys);
    s.setLineColor(color);
    s.setMarker(SeriesMarkers.NONE);
    if (dashed) {
      s.setLineStyle(
          new BasicStroke(
              1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return s;
  }

  /** Bin labels for a histogram with {@code edges.length - 1} bins. */
  public static List<String> binLabels(double[] edges) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i + 1 < edges.length; i++) {
      labels.add(shortNumber(edges[i]));
    }
    return labels;
  }

  /** A number in at most ~4 significant digits. */
  public static String shortNumber(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e5 || a < 1e-3)) {
      return String.format(java.util.Locale.ROOT, "%.2e", v);
    }
    return String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setChartTitleBoxVisible(false);
    styler.setAntiAlias(true);
  }

  private static Image render(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    BufferedImage img = BitmapEncoder.getBufferedImage(chart);
    return SwingFXUtils.toFXImage(img, null);
  }
}
