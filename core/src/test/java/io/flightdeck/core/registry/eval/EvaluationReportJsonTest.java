package io.flightdeck.core.registry.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportJsonTest {
  static EvaluationReport sample() {
    return new EvaluationReport(
        "classification",
        List.of("no", "yes"),
        "yes",
        10,
        2,
        1,
        Map.of("snow", 1L),
        Map.of("f0", "col0"),
        Map.of("accuracy", 0.8, "roc_auc", 0.9),
        List.of(new EvaluationReport.ClassMetrics("yes", 0.5, 1.0, 2.0 / 3, 3)),
        new EvaluationReport.ConfusionMatrix(List.of("no", "yes"), new long[][] {{5, 1}, {1, 3}}),
        List.of(
            new EvaluationReport.Curve(
                "yes", new double[] {0, 1}, new double[] {0, 1}, new double[] {2, 1}, 0.5)),
        List.of(),
        List.of(
            new EvaluationReport.Calibration(
                "yes", new double[] {0.05}, new double[] {Double.NaN}, new long[] {4})),
        null,
        new EvaluationReport.FairnessReport(
            "region",
            "yes",
            List.of(new EvaluationReport.GroupMetrics("a", 4, Map.of("accuracy", 0.75))),
            0.25,
            null),
        "accuracy",
        List.of(new EvaluationReport.FeatureImportance("f0", 0.1, 0.01, new double[] {0.09, 0.11})),
        "CPU (CUDA provider not available: test)");
  }

  @Test
  void roundTripsThroughJsonIncludingNaN() {
    EvaluationReport r = sample();
    EvaluationReport back = EvaluationReport.fromJson(r.toJson());
    assertThat(back.toJson()).isEqualTo(r.toJson());
    assertThat(back.confusion().counts()[0]).containsExactly(5, 1);
    assertThat(back.calibration().get(0).fractionPositive()[0]).isNaN();
    assertThat(back.fairness().equalOpportunityDifference()).isNull();
    assertThat(back.residuals()).isNull();
    assertThat(back.metrics()).containsEntry("roc_auc", 0.9);
  }

  @Test
  void unknownFieldsFromANewerVersionAreIgnored() {
    String json = sample().toJson().replaceFirst("\\{", "{\"futureField\":[1,2],");
    assertThat(EvaluationReport.fromJson(json).task()).isEqualTo("classification");
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> EvaluationReport.fromJson("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
