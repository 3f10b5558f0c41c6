package io.flightdeck.core.registry;

import io.flightdeck.core.tracking.RunInput;
import java.util.List;
import java.util.Map;

/**
 * Where a model version came from, read from the run that produced it (runs' params and inputs are
 * immutable, so this is the same every time it is read).
 *
 * @param model the model
 * @param version the version
 * @param source "run:RUN/PATH", "file:NAME" or "mlflow:DIR/PATH"
 * @param runId the producing run, or null
 * @param codeVersion the run's code version, empty when unknown
 * @param params the run's parameters
 * @param datasets the dataset versions (with their hashes) the run used
 */
public record ModelLineage(
    String model,
    int version,
    String source,
    String runId,
    String codeVersion,
    Map<String, String> params,
    List<RunInput> datasets) {
  public ModelLineage {
    params = Map.copyOf(params);
    datasets = List.copyOf(datasets);
  }
}
