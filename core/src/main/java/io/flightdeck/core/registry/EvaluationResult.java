package io.flightdeck.core.registry;

import java.time.Instant;
import java.util.Map;

/**
 * A stored evaluation of a model version on a dataset version.
 *
 * @param id number, used as evidence ("evaluation:ID")
 * @param model the model
 * @param version the model version
 * @param dataset "name:version" of the dataset version
 * @param datasetSha256 the dataset version's content hash
 * @param task classification or regression
 * @param metrics headline metrics (accuracy, f1, roc_auc, log_loss / rmse, mae, r2...)
 * @param detailJson curves, confusion matrix, calibration, residuals, fairness, permutation
 *     importance as JSON (see {@code io.flightdeck.core.registry.eval.EvaluationReport})
 * @param who who ran it
 * @param when when
 */
public record EvaluationResult(
    long id,
    String model,
    int version,
    String dataset,
    String datasetSha256,
    String task,
    Map<String, Double> metrics,
    String detailJson,
    String who,
    Instant when) {
  public EvaluationResult {
    metrics = Map.copyOf(metrics);
  }
}
