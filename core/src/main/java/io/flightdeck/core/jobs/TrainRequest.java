package io.flightdeck.core.jobs;

import io.flightdeck.core.dataset.DatasetRef;
import java.util.List;
import java.util.Map;

/**
 * Please train a built-in model on a dataset version.
 *
 * @param dataset the dataset version (must be usable: validated or overridden)
 * @param target the column to predict
 * @param features the input columns; empty = every numeric column but the target
 * @param model "logistic" (classification) or "linear" (regression)
 * @param params hyperparameters: epochs, learningRate, seed, validationFraction, minibatch
 * @param experiment the experiment name (created when missing)
 * @param runName the run's display name; empty for a generated one
 */
public record TrainRequest(
    DatasetRef dataset,
    String target,
    List<String> features,
    String model,
    Map<String, String> params,
    String experiment,
    String runName) {
  public TrainRequest {
    features = List.copyOf(features);
    params = Map.copyOf(params);
  }
}
