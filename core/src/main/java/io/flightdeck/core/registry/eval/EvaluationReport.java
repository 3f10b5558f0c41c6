package io.flightdeck.core.registry.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.flightdeck.core.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Everything an evaluation found, stored as {@link
 * io.flightdeck.core.registry.EvaluationResult#detailJson()} and drawn by the window: headline
 * metrics, per-class metrics, confusion matrix, ROC and precision-recall curves, calibration,
 * residuals, fairness by group and permutation importance. Parts that do not apply to the task are
 * empty lists or {@code null} (classification has no residuals; regression has no curves; fairness
 * is {@code null} without a group column; importance is empty when not computed).
 *
 * <p>Immutable apart from the arrays inside, which callers must not change. Thread-safe to read.
 *
 * @param task "classification" or "regression"
 * @param labels the model's class labels in output order (empty for regression)
 * @param positiveLabel the class called positive for binary curves and fairness, or null
 * @param rows rows scored
 * @param skippedRows rows skipped because a feature value or the target was missing
 * @param unknownTargetRows rows skipped because their target is not one of the model's labels
 * @param unknownTargets those target values with their row counts (the first 10 values seen)
 * @param columnMapping model feature to dataset column, as used
 * @param metrics headline metrics (see {@link ModelEvaluator} for the names)
 * @param perClass per-class precision, recall, F1 and support (classification)
 * @param confusion the confusion matrix (classification), else null
 * @param roc ROC curves: the positive class for binary, one per class for multiclass
 * @param precisionRecall precision-recall curves, same classes as {@code roc}
 * @param calibration calibration curves, same classes as {@code roc}
 * @param residuals a residual sample (regression), else null
 * @param fairness metrics by group, or null when no group column was chosen
 * @param importanceMetric the metric permutation importance is the drop of ("accuracy" or "r2")
 * @param importance permutation importance per feature, most important first
 */
public record EvaluationReport(
    String task,
    List<String> labels,
    String positiveLabel,
    long rows,
    long skippedRows,
    long unknownTargetRows,
    Map<String, Long> unknownTargets,
    Map<String, String> columnMapping,
    Map<String, Double> metrics,
    List<ClassMetrics> perClass,
    ConfusionMatrix confusion,
    List<Curve> roc,
    List<Curve> precisionRecall,
    List<Calibration> calibration,
    Residuals residuals,
    FairnessReport fairness,
    String importanceMetric,
    List<FeatureImportance> importance,
    String provider) {

  /** Copies the lists and maps (nulls become empty). */
  public EvaluationReport {
    provider = provider == null ? "" : provider;
    labels = labels == null ? List.of() : List.copyOf(labels);
    unknownTargets = unknownTargets == null ? Map.of() : Map.copyOf(unknownTargets);
    columnMapping = columnMapping == null ? Map.of() : Map.copyOf(columnMapping);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    perClass = perClass == null ? List.of() : List.copyOf(perClass);
    roc = roc == null ? List.of() : List.copyOf(roc);
    precisionRecall = precisionRecall == null ? List.of() : List.copyOf(precisionRecall);
    calibration = calibration == null ? List.of() : List.copyOf(calibration);
    importance = importance == null ? List.of() : List.copyOf(importance);
  }

  /** One class's precision, recall, F1 and number of true rows. */
  public record ClassMetrics(
      String label, double precision, double recall, double f1, long support) {}

  /** Row counts {@code counts[actual][predicted]} in label order. */
  public record ConfusionMatrix(List<String> labels, long[][] counts) {}

  /**
   * A curve of one class against the rest. ROC: x = false positive rate, y = true positive rate,
   * area = ROC AUC. Precision-recall: x = recall, y = precision, area = average precision.
   * Thresholds belong to the points (a PR curve has one threshold fewer than points). Long curves
   * are thinned to at most {@link ReportBuilder#MAX_CURVE_POINTS} points for drawing; the area is
   * always computed from the full curve.
   */
  public record Curve(String label, double[] x, double[] y, double[] thresholds, double area) {}

  /**
   * Non-empty bins of a calibration curve (see {@link
   * io.flightdeck.core.registry.eval.Calibration}).
   */
  public record Calibration(
      String label, double[] meanPredicted, double[] fractionPositive, long[] counts) {}

  /**
   * Residuals (actual - predicted) against predictions for a sample of rows out of {@code total}.
   */
  public record Residuals(double[] predicted, double[] residual, long total) {}

  /**
   * Metrics by the values of a group column and the gaps between groups.
   *
   * @param column the group column
   * @param positiveLabel the class counted as a positive prediction (classification), else null
   * @param groups one entry per group value, by name
   * @param demographicParityDifference max - min positive-prediction rate across groups
   *     (classification), else null
   * @param equalOpportunityDifference max - min true positive rate across groups that have positive
   *     rows (classification), else null
   */
  public record FairnessReport(
      String column,
      String positiveLabel,
      List<GroupMetrics> groups,
      Double demographicParityDifference,
      Double equalOpportunityDifference) {}

  /**
   * One group's metrics. Classification: accuracy, selection_rate, true_positive_rate,
   * false_positive_rate, precision (undefined rates are left out). Regression: rmse, mae, r2.
   */
  public record GroupMetrics(String group, long rows, Map<String, Double> metrics) {}

  /**
   * Permutation importance of one feature: baseline metric minus the metric with the feature's
   * column shuffled, over several shuffles.
   *
   * @param feature the model feature
   * @param mean the mean drop
   * @param std the standard deviation of the drops (population, like scikit-learn)
   * @param drops the drop of each shuffle
   */
  public record FeatureImportance(String feature, double mean, double std, double[] drops) {}

  // A reader of its own, so a report written by a newer Flightdeck with more fields still reads.
  private static final ObjectReader READER =
      Json.mapper()
          .readerFor(EvaluationReport.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** This report as JSON (map keys sorted; NaN and infinities as strings). */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException when the text is not such a report
   */
  public static EvaluationReport fromJson(String json) {
    try {
      return READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not an evaluation report: " + e.getOriginalMessage(), e);
    }
  }
}
