package io.flightdeck.core.dataset.report;

import io.flightdeck.core.dataset.drift.ColumnDrift;
import io.flightdeck.core.dataset.drift.DriftChart;
import io.flightdeck.core.dataset.drift.DriftMethodNames;
import io.flightdeck.core.dataset.drift.DriftOverTime;
import io.flightdeck.core.dataset.drift.DriftReport;
import io.flightdeck.core.dataset.drift.DriftReports;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A drift report as one self-contained HTML file: the verdict tile, per-column drift strength
 * (sorted bars with the threshold line), the results table, reference vs current distributions per
 * column, and drift over time when given. Charts are inline SVG; the file loads nothing from
 * anywhere. Stateless and thread-safe.
 */
public final class HtmlDriftReport {
  private HtmlDriftReport() {}

  /**
   * How far a column is past its threshold, 1 meaning exactly at it: distance ÷ threshold, or
   * threshold ÷ p-value for tests (capped at 5 so one extreme column does not flatten the rest).
   */
  public static double strength(ColumnDrift c) {
    double s;
    if (c.pValue() != null) {
      s = c.pValue() <= 0 ? 5 : c.threshold() / c.pValue();
    } else {
      s = c.threshold() <= 0 ? 5 : c.statistic() / c.threshold();
    }
    return Double.isFinite(s) ? Math.min(5, Math.max(0, s)) : 5;
  }

  /** Renders the report. */
  public static String render(DriftReport r, Optional<DriftOverTime> overTime) {
    StringBuilder b = new StringBuilder(64 * 1024);
    String title = "Drift: " + r.reference() + " → " + r.current();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Svg.esc(title))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:980px}")
        .append(
            "table{border-collapse:collapse;margin:12px 0}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}")
        .append(
            ".tile{display:inline-block;padding:16px 24px;border-radius:8px;color:#fff;margin:8px 0}")
        .append(
            ".bad{background:#d62728}.ok{background:#2ca02c}.big{font-size:32px;font-weight:bold}")
        .append(
            ".drift{color:#d62728;font-weight:bold}.small{color:#666;font-size:12px}h3{margin-bottom:2px}")
        .append("</style></head><body>\n");
    b.append("<h1>").append(Svg.esc(title)).append("</h1>\n");
    b.append("<p class=\"small\">Computed ")
        .append(Svg.esc(r.computedAt().toString()))
        .append(
            " by Flightdeck. Methods and thresholds follow Evidently's defaults unless overridden.")
        .append(r.sampled() ? " Some columns were tested on a uniform sample." : "")
        .append("</p>\n");
    int tested = r.columns().size();
    b.append("<div class=\"tile ")
        .append(r.datasetDrift() ? "bad" : "ok")
        .append("\"><div class=\"big\">")
        .append(String.format(Locale.ROOT, "%.0f %%", r.share() * 100))
        .append("</div>of columns drifted (")
        .append(r.driftedColumns())
        .append(" of ")
        .append(tested)
        .append(")<br><b>")
        .append(r.datasetDrift() ? "Dataset drift" : "No dataset drift")
        .append("</b> (threshold ")
        .append(String.format(Locale.ROOT, "%.0f %%", r.driftShareThreshold() * 100))
        .append(")</div>\n");
    List<ColumnDrift> sorted = new ArrayList<>(r.columns());
    sorted.sort(Comparator.comparingDouble(HtmlDriftReport::strength).reversed());
    b.append("<h2>Drift by column</h2><p class=\"small\">Bar length: distance ÷ threshold, or")
        .append(
            " threshold ÷ p-value for statistical tests; past the dashed line the column drifted.</p>\n");
    b.append(
        Svg.bars(
            sorted.stream().map(ColumnDrift::column).toList(),
            sorted.stream().map(HtmlDriftReport::strength).toList(),
            sorted.stream().map(ColumnDrift::drifted).toList(),
            1.0));
    b.append("\n<table><tr><th>column</th><th>type</th><th>method</th><th>statistic</th>")
        .append("<th>p-value</th><th>threshold</th><th>drift</th></tr>\n");
    for (ColumnDrift c : r.columns()) {
      b.append("<tr><td>")
          .append(Svg.esc(c.column()))
          .append("</td><td>")
          .append(c.type())
          .append("</td><td>")
          .append(Svg.esc(DriftMethodNames.label(c.method())))
          .append("</td><td>")
          .append(DriftReports.brief(c.statistic()))
          .append("</td><td>")
          .append(c.pValue() == null ? "—" : DriftReports.brief(c.pValue()))
          .append("</td><td>")
          .append(DriftReports.brief(c.threshold()))
          .append("</td><td>")
          .append(c.drifted() ? "<span class=\"drift\">drift</span>" : "no")
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
    if (!r.notTested().isEmpty()) {
      b.append("<p class=\"small\">Not tested:</p><ul class=\"small\">");
      r.notTested().forEach(n -> b.append("<li>").append(Svg.esc(n)).append("</li>"));
      b.append("</ul>\n");
    }
    b.append("<h2>Distributions</h2>\n");
    for (ColumnDrift c : r.columns()) {
      b.append("<h3>")
          .append(Svg.esc(c.column()))
          .append(c.drifted() ? " <span class=\"drift\">drift</span>" : "")
          .append("</h3><p class=\"small\">")
          .append(Svg.esc(DriftMethodNames.label(c.method())))
          .append(" = ")
          .append(DriftReports.brief(c.score()))
          .append(", threshold ")
          .append(DriftReports.brief(c.threshold()))
          .append("; shares of ")
          .append(c.referenceRows())
          .append(" reference and ")
          .append(c.currentRows())
          .append(" current values</p>\n");
      DriftChart ch = c.chart();
      b.append(Svg.distribution(labels(ch), ch.reference(), ch.current())).append('\n');
    }
    overTime.ifPresent(t -> timeline(b, t));
    return b.append("</body></html>\n").toString();
  }

  private static List<String> labels(DriftChart ch) {
    if (!ch.numeric()) {
      return ch.categories();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < ch.edges().size(); i++) {
      out.add(DriftReports.brief(ch.edges().get(i)));
    }
    return out;
  }

  private static void timeline(StringBuilder b, DriftOverTime t) {
    b.append("<h2>Drift over time</h2><p class=\"small\">")
        .append(Svg.esc(t.description()))
        .append(", each against ")
        .append(Svg.esc(t.reference()))
        .append(". Shaded: mean ± 3 std of the same statistic over windows of the reference")
        .append(
            " (NannyML); dashed: the drift threshold (distances only); red points lie outside the band.</p>\n");
    for (DriftOverTime.ColumnSeries s : t.columns()) {
      b.append("<h3>")
          .append(Svg.esc(s.column()))
          .append("</h3><p class=\"small\">")
          .append(Svg.esc(DriftMethodNames.label(s.method())))
          .append(" statistic per window</p>\n");
      Double threshold = s.method().isPValueTest() ? null : s.threshold();
      b.append(
              Svg.timeline(
                  t.windows().stream().map(DriftOverTime.Window::label).toList(),
                  s.points().stream().map(DriftOverTime.Point::statistic).toList(),
                  s.points().stream().map(DriftOverTime.Point::alert).toList(),
                  s.bandLower(),
                  s.bandUpper(),
                  threshold))
          .append('\n');
    }
  }
}
