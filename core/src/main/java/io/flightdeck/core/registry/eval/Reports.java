package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.Scorer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an evaluation's report from a finished {@link EvalPass}. Stateless. */
final class Reports {
  private Reports() {}

  static EvaluationReport build(
      ModelVersion mv,
      DatasetVersionInfo dv,
      Scorer scorer,
      EvalPass pass,
      List<String> columns,
      List<String> labels,
      EvalOptions options,
      String group,
      ImportProgress progress) {
    int n = pass.n;
    if (n == 0) {
      throw new FlightdeckException(
          "No row of "
              + dv.ref()
              + " could be scored with "
              + mv.ref()
              + ": "
              + pass.skipped
              + " rows miss a feature value or the target"
              + (pass.unknownTarget > 0
                  ? ", "
                      + pass.unknownTarget
                      + " have a target that is not one of the model's labels ("
                      + String.join(", ", pass.unknownValues.keySet())
                      + ")"
                  : "")
              + ".",
          pass.unknownTarget > 0
              ? "The model's labels are: "
                  + String.join(", ", labels)
                  + "; choose the matching target with --target COLUMN."
              : "Choose a dataset version with complete rows.");
    }
    List<String> features = scorer.features();
    Map<String, String> mapping = new LinkedHashMap<>();
    for (int j = 0; j < features.size(); j++) {
      mapping.put(features.get(j), columns.get(j));
    }
    Map<String, Double> metrics = ReportBuilder.metrics();
    ReportBuilder.Parts parts;
    EvaluationReport.FairnessReport fairness = null;
    String positive = null;
    if (pass.classification) {
      int[] actual = Arrays.copyOf(pass.actualClass, n);
      double[] proba = ReportBuilder.prefix(pass.outputs, n * pass.k);
      parts = ReportBuilder.classification(actual, proba, labels, metrics);
      int pos = positiveIndex(options.positiveLabel(), labels, actual);
      positive = labels.get(pos);
      if (group != null) {
        fairness =
            Fairness.classification(
                group, Arrays.copyOf(pass.groups, n), actual, parts.predicted(), labels, pos);
      }
    } else {
      double[] actual = Arrays.copyOf(pass.actualValue, n);
      double[] predicted = ReportBuilder.prefix(pass.outputs, n);
      parts = ReportBuilder.regression(actual, predicted, metrics);
      if (group != null) {
        fairness = Fairness.regression(group, Arrays.copyOf(pass.groups, n), actual, predicted);
      }
    }
    List<EvaluationReport.FeatureImportance> importance = List.of();
    if (options.permutationRepeats() > 0) {
      importance = importance(scorer, pass, features, options, progress);
    }
    return new EvaluationReport(
        pass.classification ? "classification" : "regression",
        labels,
        positive,
        n,
        pass.skipped,
        pass.unknownTarget,
        pass.unknownValues,
        mapping,
        metrics,
        parts.perClass(),
        parts.confusion(),
        parts.roc(),
        parts.precisionRecall(),
        parts.calibration(),
        parts.residuals(),
        fairness,
        pass.classification ? "accuracy" : "r2",
        importance,
        scorer.provider());
  }

  private static int positiveIndex(String chosen, List<String> labels, int[] actual) {
    if (chosen == null || chosen.isBlank()) {
      return Fairness.defaultPositive(actual, labels.size());
    }
    int i = labels.indexOf(chosen);
    if (i < 0) {
      throw new FlightdeckException(
          "'" + chosen + "' is not a class of the model.",
          "Its classes are: " + String.join(", ", labels) + ".");
    }
    return i;
  }

  private static List<EvaluationReport.FeatureImportance> importance(
      Scorer scorer,
      EvalPass pass,
      List<String> features,
      EvalOptions options,
      ImportProgress progress) {
    int rows = pass.sampleRows;
    int f = pass.f;
    int k = pass.k;
    float[] x = Arrays.copyOf(pass.sample, rows * f);
    if (pass.classification) {
      int[] y = Arrays.copyOf(pass.sampleClass, rows);
      return PermutationImportance.compute(
          x,
          features,
          m -> ModelEvaluator.predictAll(scorer, m, f, k),
          out -> ClassificationMetrics.accuracy(y, ClassificationMetrics.argmax(toDouble(out), k)),
          options.permutationRepeats(),
          options.seed(),
          progress::isCancelled);
    }
    double[] y = Arrays.copyOf(pass.sampleValue, rows);
    return PermutationImportance.compute(
        x,
        features,
        m -> ModelEvaluator.predictAll(scorer, m, f, 1),
        out -> RegressionMetrics.r2(y, toDouble(out)),
        options.permutationRepeats(),
        options.seed(),
        progress::isCancelled);
  }

  static double[] toDouble(float[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }
}
