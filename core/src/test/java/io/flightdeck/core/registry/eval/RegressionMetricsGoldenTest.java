package io.flightdeck.core.registry.eval;

import static io.flightdeck.core.registry.eval.EvalGolden.close;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RMSE, MAE and R² against scikit-learn 1.2.1 (golden file regression.json): linear regression on
 * diabetes and breast cancer, constant targets (force_finite) and a negative R². 1e-12 relative.
 */
class RegressionMetricsGoldenTest {
  static Stream<JsonNode> cases() {
    return EvalGolden.cases("regression.json");
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void matchesSklearn(JsonNode c) {
    String name = c.get("name").asText();
    double[] y = EvalGolden.doubles(c.get("y_true"));
    double[] p = EvalGolden.doubles(c.get("y_pred"));
    close(RegressionMetrics.rmse(y, p), c.get("rmse").asDouble(), 1e-12, name + " rmse");
    close(RegressionMetrics.mae(y, p), c.get("mae").asDouble(), 1e-12, name + " mae");
    close(RegressionMetrics.r2(y, p), c.get("r2").asDouble(), 1e-12, name + " r2");
  }

  @Test
  void residualSampleIsBoundedAndSpansTheRows() {
    double[] y = new double[10_000];
    double[] p = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = i;
      p[i] = i + (i % 2 == 0 ? 0.5 : -0.5);
    }
    EvaluationReport.Residuals r = RegressionMetrics.residuals(y, p, 100);
    assertThat(r.predicted()).hasSize(100);
    assertThat(r.total()).isEqualTo(10_000);
    assertThat(r.predicted()[0]).isEqualTo(0.5);
    assertThat(r.predicted()[99]).isGreaterThan(9000);
    assertThat(r.residual()).containsOnly(-0.5); // every 100th row: even rows only
    assertThat(
            RegressionMetrics.residuals(new double[] {1, 2}, new double[] {1, 1}, 100).residual())
        .containsExactly(0, 1);
  }
}
