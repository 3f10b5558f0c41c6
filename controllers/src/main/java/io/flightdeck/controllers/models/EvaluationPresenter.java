package io.flightdeck.controllers.models;

import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.eval.EvaluationReport;
import io.flightdeck.views.charts.ChartPainter;
import io.flightdeck.views.charts.ChartSeries;
import io.flightdeck.views.models.EvaluationCharts;
import io.flightdeck.views.models.FairnessRow;
import io.flightdeck.views.models.MetricRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Turns stored evaluations into what the Evaluations tab draws (parse off the FX thread). */
final class EvaluationPresenter {
  private EvaluationPresenter() {}

  static EvaluationCharts charts(EvaluationResult r) {
    EvaluationReport rep = EvaluationReport.fromJson(r.detailJson());
    boolean cls = !"regression".equals(rep.task());
    List<MetricRow> metrics = new ArrayList<>();
    new java.util.TreeMap<>(r.metrics())
        .forEach((k, v) -> metrics.add(new MetricRow(k, fmt(v), "", "")));
    metrics.add(new MetricRow("rows", Long.toString(rep.rows()), "", ""));
    if (!rep.provider().isEmpty()) {
      metrics.add(new MetricRow("scored on", rep.provider(), "", ""));
    }
    if (rep.skippedRows() > 0) {
      metrics.add(new MetricRow("skipped rows", Long.toString(rep.skippedRows()), "", ""));
    }
    List<ChartSeries> roc = curves(rep.roc());
    List<ChartSeries> pr = curves(rep.precisionRecall());
    List<ChartSeries> cal =
        rep.calibration().stream()
            .map(c -> ChartSeries.line(c.label(), c.meanPredicted(), c.fractionPositive()))
            .toList();
    List<String> labels = rep.confusion() == null ? List.of() : rep.confusion().labels();
    long[][] counts = rep.confusion() == null ? new long[0][0] : rep.confusion().counts();
    ChartSeries residuals =
        rep.residuals() == null
            ? null
            : ChartSeries.line(
                "residuals", rep.residuals().predicted(), rep.residuals().residual());
    List<FairnessRow> fair = new ArrayList<>();
    String fairText = "";
    if (rep.fairness() != null) {
      for (EvaluationReport.GroupMetrics g : rep.fairness().groups()) {
        Map<String, Double> m = g.metrics();
        fair.add(
            new FairnessRow(
                g.group(),
                Long.toString(g.rows()),
                fmt(m.get("selection_rate")),
                fmt(m.get("true_positive_rate")),
                fmt(m.get(cls ? "accuracy" : "r2"))));
      }
      fairText =
          "By '"
              + rep.fairness().column()
              + "'"
              + (rep.fairness().positiveLabel() == null
                  ? ""
                  : " (positive: " + rep.fairness().positiveLabel() + ")")
              + ": demographic parity difference "
              + fmt(rep.fairness().demographicParityDifference())
              + ", equal opportunity difference "
              + fmt(rep.fairness().equalOpportunityDifference());
    }
    List<String> features =
        rep.importance().stream().map(EvaluationReport.FeatureImportance::feature).toList();
    double[] mean =
        rep.importance().stream().mapToDouble(EvaluationReport.FeatureImportance::mean).toArray();
    double[] std =
        rep.importance().stream().mapToDouble(EvaluationReport.FeatureImportance::std).toArray();
    return new EvaluationCharts(
        r.model() + ":" + r.version() + " on " + r.dataset() + " (evaluation #" + r.id() + ")",
        cls,
        metrics,
        roc,
        pr,
        cal,
        labels,
        counts,
        residuals,
        fair,
        fairText,
        features,
        mean,
        std);
  }

  private static List<ChartSeries> curves(List<EvaluationReport.Curve> curves) {
    return curves.stream()
        .map(c -> ChartSeries.line(c.label() + " " + area(c.area()), c.x(), c.y()))
        .toList();
  }

  private static String area(double a) {
    return String.format(java.util.Locale.ROOT, "%.3f", a);
  }

  static String fmt(Double v) {
    return v == null ? "" : ChartPainter.format(v);
  }

  /** Metric rows for two evaluations: metric | first | second | second − first. */
  static List<MetricRow> compare(EvaluationResult a, EvaluationResult b) {
    List<MetricRow> rows = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.metrics().keySet());
    keys.addAll(b.metrics().keySet());
    for (String k : keys) {
      Double x = a.metrics().get(k), y = b.metrics().get(k);
      String diff =
          x == null || y == null ? "" : (y - x >= 0 ? "+" : "") + ChartPainter.format(y - x);
      rows.add(new MetricRow(k, fmt(x), fmt(y), diff));
    }
    return rows;
  }

  /** The first ROC curve of each evaluation, named by version, for overlaying. */
  static List<ChartSeries> overlaidRoc(EvaluationResult a, EvaluationResult b) {
    List<ChartSeries> out = new ArrayList<>();
    for (EvaluationResult r : List.of(a, b)) {
      List<EvaluationReport.Curve> roc = EvaluationReport.fromJson(r.detailJson()).roc();
      if (!roc.isEmpty()) {
        EvaluationReport.Curve c = roc.get(0);
        out.add(
            ChartSeries.line(
                "v" + r.version() + " " + c.label() + " " + area(c.area()), c.x(), c.y()));
      }
    }
    return out;
  }
}
