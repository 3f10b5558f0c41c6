package io.flightdeck.core.registry.eval;

import static io.flightdeck.core.registry.eval.EvalGolden.close;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classification metrics against scikit-learn 1.2.1 (golden file classification.json): logistic
 * regression and naive Bayes on the odd rows of breast cancer, iris and wine, generated ties, and a
 * hand case with a class never predicted. Metrics to 1e-12 relative; curve points and thresholds to
 * 1e-12 (exactly the same points, since collinear ones are dropped by the same rule).
 */
class ClassificationMetricsGoldenTest {
  static final double TOL = 1e-12;

  static Stream<JsonNode> cases() {
    return EvalGolden.cases("classification.json");
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void countingMetricsMatchSklearn(JsonNode c) {
    String name = c.get("name").asText();
    int k = c.get("labels").size();
    int[] y = EvalGolden.ints(c.get("y_true"));
    double[] p = EvalGolden.matrix(c.get("proba"));
    int[] pred = ClassificationMetrics.argmax(p, k);
    assertThat(pred).as(name).containsExactly(EvalGolden.ints(c.get("y_pred")));
    close(ClassificationMetrics.accuracy(y, pred), c.get("accuracy").asDouble(), TOL, name);
    long[][] m = ClassificationMetrics.confusionMatrix(y, pred, k);
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        assertThat(m[a][b])
            .as(name + " cm")
            .isEqualTo(c.get("confusion_matrix").get(a).get(b).asLong());
      }
    }
    ClassificationMetrics.PerClass pc = ClassificationMetrics.perClass(m);
    close(pc.precision(), c.get("precision_per_class"), TOL, name + " precision");
    close(pc.recall(), c.get("recall_per_class"), TOL, name + " recall");
    close(pc.f1(), c.get("f1_per_class"), TOL, name + " f1");
    close(
        ClassificationMetrics.macro(pc.precision()),
        c.get("precision_macro").get(0).asDouble(),
        TOL,
        name);
    close(
        ClassificationMetrics.macro(pc.recall()),
        c.get("recall_macro").get(0).asDouble(),
        TOL,
        name);
    close(ClassificationMetrics.macro(pc.f1()), c.get("f1_macro").get(0).asDouble(), TOL, name);
    close(
        ClassificationMetrics.weighted(pc.precision(), pc.support()),
        c.get("precision_weighted").get(0).asDouble(),
        TOL,
        name);
    close(
        ClassificationMetrics.weighted(pc.recall(), pc.support()),
        c.get("recall_weighted").get(0).asDouble(),
        TOL,
        name);
    close(
        ClassificationMetrics.weighted(pc.f1(), pc.support()),
        c.get("f1_weighted").get(0).asDouble(),
        TOL,
        name);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void aucAndLogLossMatchSklearn(JsonNode c) {
    String name = c.get("name").asText();
    int k = c.get("labels").size();
    int[] y = EvalGolden.ints(c.get("y_true"));
    double[] p = EvalGolden.matrix(c.get("proba"));
    close(ClassificationMetrics.rocAuc(y, p, k), c.get("roc_auc").asDouble(), 1e-12, name + " auc");
    close(
        ClassificationMetrics.logLoss(y, p, k),
        c.get("log_loss").asDouble(),
        1e-12,
        name + " log loss");
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void curvesMatchSklearn(JsonNode c) {
    String name = c.get("name").asText();
    int k = c.get("labels").size();
    int[] y = EvalGolden.ints(c.get("y_true"));
    double[] p = EvalGolden.matrix(c.get("proba"));
    for (JsonNode cv : c.get("curves")) {
      int cls = cv.get("class").asInt();
      String what = name + " class " + cls;
      boolean[] pos = ClassificationMetrics.oneVsRest(y, cls);
      double[] score = ClassificationMetrics.column(p, k, cls);
      BinaryCurves.Roc roc = BinaryCurves.roc(pos, score);
      close(roc.fpr(), cv.get("roc_fpr"), TOL, what + " fpr");
      close(roc.tpr(), cv.get("roc_tpr"), TOL, what + " tpr");
      close(roc.thresholds(), cv.get("roc_thresholds"), TOL, what + " roc thresholds");
      close(BinaryCurves.rocAuc(pos, score), cv.get("roc_auc").asDouble(), TOL, what + " auc");
      BinaryCurves.PrecisionRecall pr = BinaryCurves.precisionRecall(pos, score);
      close(pr.precision(), cv.get("pr_precision"), TOL, what + " precision");
      close(pr.recall(), cv.get("pr_recall"), TOL, what + " recall");
      close(pr.thresholds(), cv.get("pr_thresholds"), TOL, what + " pr thresholds");
      close(
          BinaryCurves.averagePrecision(pr),
          cv.get("average_precision").asDouble(),
          TOL,
          what + " ap");
      EvaluationReport.Calibration cal = Calibration.curve("x", pos, score);
      close(
          cal.fractionPositive(), cv.get("calibration_fraction_positive"), TOL, what + " cal frac");
      close(cal.meanPredicted(), cv.get("calibration_mean_predicted"), 1e-9, what + " cal mean");
      List<Long> counts = new ArrayList<>();
      for (long n : cal.counts()) {
        counts.add(n);
      }
      assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(y.length);
    }
  }
}
