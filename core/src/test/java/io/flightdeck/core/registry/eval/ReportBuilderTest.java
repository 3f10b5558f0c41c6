package io.flightdeck.core.registry.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
  @Test
  void multiclassGetsOneCurvePerClassAndMacroHeadlines() {
    int[] y = {0, 1, 2, 2, 1, 0};
    double[] p = {
      0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.2, 0.7, 0.3, 0.3, 0.4, 0.5, 0.4, 0.1, 0.6, 0.3, 0.1
    };
    Map<String, Double> m = ReportBuilder.metrics();
    ReportBuilder.Parts parts = ReportBuilder.classification(y, p, List.of("a", "b", "c"), m);
    assertThat(parts.roc())
        .extracting(EvaluationReport.Curve::label)
        .containsExactly("a", "b", "c");
    assertThat(parts.calibration()).hasSize(3);
    assertThat(m).doesNotContainKey("average_precision");
    assertThat(m.get("f1")).isEqualTo(m.get("f1_macro"));
    assertThat(m.get("accuracy")).isEqualTo(5.0 / 6);
    assertThat(parts.perClass())
        .extracting(EvaluationReport.ClassMetrics::support)
        .containsExactly(2L, 2L, 2L);
  }

  @Test
  void undefinedMetricsAreLeftOut() {
    Map<String, Double> m = ReportBuilder.metrics();
    ReportBuilder.classification(
        new int[] {1, 1}, new double[] {0.2, 0.8, 0.6, 0.4}, List.of("n", "y"), m);
    assertThat(m).doesNotContainKey("roc_auc").containsKey("accuracy");
  }

  @Test
  void longCurvesAreThinnedKeepingBothEnds() {
    int n = 5000;
    double[] x = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i / (n - 1.0);
      t[i] = 1 - x[i];
    }
    EvaluationReport.Curve c = ReportBuilder.thin("a", x, x, t, 0.5);
    assertThat(c.x()).hasSize(ReportBuilder.MAX_CURVE_POINTS);
    assertThat(c.x()[0]).isZero();
    assertThat(c.x()[c.x().length - 1]).isEqualTo(1.0);
    assertThat(c.area()).isEqualTo(0.5);
  }
}
