package io.flightdeck.controllers.runs;

import io.flightdeck.views.charts.ChartSeries;
import io.flightdeck.views.charts.MetricChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one chart filled: holds the full histories and re-reduces them whenever the chart's width,
 * zoom, smoothing or x mode change. FX thread only; the reduction is fast enough for it (see
 * docs/benchmarks.md, "Metric charts").
 */
final class ChartBinding {
  private static final int DEFAULT_PIXELS = 600;
  private final MetricChart chart;
  private List<ChartPrep.Raw> lines = List.of();
  private Map<String, List<ChartPrep.Raw>> groups;

  ChartBinding(MetricChart chart) {
    this.chart = chart;
    chart.plotWidthProperty().addListener((o, a, b) -> redraw());
    chart.smoothingProperty().addListener((o, a, b) -> redraw());
    chart.xWindowProperty().addListener((o, a, b) -> redraw());
    chart
        .timeAxisProperty()
        .addListener(
            (o, a, b) -> {
              if (chart.xWindowProperty().get() != null) {
                chart.xWindowProperty().set(null); // x units changed; the listener redraws
              } else {
                redraw();
              }
            });
  }

  /** One line per history. */
  void showLines(List<ChartPrep.Raw> raws) {
    lines = List.copyOf(raws);
    groups = null;
    redraw();
  }

  /** One mean line with a min-max band per group (by step). */
  void showBands(Map<String, List<ChartPrep.Raw>> byGroup) {
    groups = new LinkedHashMap<>(byGroup);
    lines = List.of();
    redraw();
  }

  void clear() {
    showLines(List.of());
  }

  void redraw() {
    int width = chart.plotWidthProperty().get();
    int pixels = width > 0 ? width : DEFAULT_PIXELS;
    double smooth = chart.smoothingProperty().get();
    double[] window = chart.xWindowProperty().get();
    List<ChartSeries> out = new ArrayList<>();
    if (groups != null) {
      groups.forEach(
          (name, runs) ->
              out.add(
                  ChartPrep.band(name + " (" + runs.size() + ")", runs, smooth, pixels, window)));
    } else {
      boolean byTime = chart.timeAxisProperty().get();
      for (ChartPrep.Raw r : lines) {
        out.add(ChartPrep.line(r, byTime, smooth, pixels, window));
      }
    }
    chart.series().setAll(out);
  }
}
