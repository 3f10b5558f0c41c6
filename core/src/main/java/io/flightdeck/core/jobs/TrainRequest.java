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
 * @param host where to run: "local" or a host of the inventory
 */
public record TrainRequest(
    DatasetRef dataset,
    String target,
    List<String> features,
    String model,
    Map<String, String> params,
    String experiment,
    String runName,
    String host) {
  public TrainRequest {
    features = List.copyOf(features);
    params = Map.copyOf(params);
    host = host == null || host.isBlank() ? "local" : host;
  }

  /** A request for this machine. */
  public TrainRequest(
      DatasetRef dataset,
      String target,
      List<String> features,
      String model,
      Map<String, String> params,
      String experiment,
      String runName) {
    this(dataset, target, features, model, params, experiment, runName, "local");
  }

  /** The same request for another host. */
  public TrainRequest onHost(String name) {
    return new TrainRequest(dataset, target, features, model, params, experiment, runName, name);
  }

  /** The same request with other hyperparameters and run name (a sweep's trial). */
  public TrainRequest withParams(Map<String, String> p, String name) {
    return new TrainRequest(dataset, target, features, model, p, experiment, name, host);
  }
}
