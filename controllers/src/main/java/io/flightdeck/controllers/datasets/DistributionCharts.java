package io.flightdeck.controllers.datasets;

import io.flightdeck.core.dataset.drift.ColumnDrift;
import io.flightdeck.core.dataset.drift.DriftChart;
import io.flightdeck.core.dataset.drift.DriftOverTime;
import io.flightdeck.views.charts.ChartImages;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** Turns drift results into chart images (shares, so different sample sizes compare). */
final class DistributionCharts {
  private DistributionCharts() {}

  static Image of(ColumnDrift c, int w, int h) {
    DriftChart chart = c.chart();
    List<String> labels =
        chart.categories() != null && !chart.categories().isEmpty()
            ? chart.categories()
            : ChartImages.binLabels(
                chart.edges().stream().mapToDouble(Double::doubleValue).toArray());
    return ChartImages.compareDistributions(
        c.column() + " — reference vs current (share)",
        labels,
        shares(chart.reference()),
        shares(chart.current()),
        w,
        h);
  }

  private static List<Double> shares(List<Long> counts) {
    double total = counts.stream().mapToLong(Long::longValue).sum();
    List<Double> out = new ArrayList<>();
    for (long n : counts) {
      out.add(total == 0 ? 0 : n / total);
    }
    return out;
  }

  static Image overTime(DriftOverTime t, DriftOverTime.ColumnSeries s, int w, int h) {
    List<String> windows = s.points().stream().map(DriftOverTime.Point::window).toList();
    double[] scores =
        s.points().stream()
            .mapToDouble(p -> p.statistic() == null ? Double.NaN : p.statistic())
            .toArray();
    double lower = s.bandLower() == null ? Double.NaN : s.bandLower();
    double upper = s.bandUpper() == null ? Double.NaN : s.bandUpper();
    double mean =
        s.referenceScores().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return ChartImages.scoreOverTime(
        s.column() + " — " + s.method() + " per window", windows, scores, lower, mean, upper, w, h);
  }
}
