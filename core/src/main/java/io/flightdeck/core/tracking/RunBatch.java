package io.flightdeck.core.tracking;

import java.util.List;

/**
 * Data for one run logged together, as MLflow's log-batch: all of it is stored or none of it.
 * Limits are {@link TrackingNames#MAX_BATCH_METRICS}, {@link TrackingNames#MAX_BATCH_PARAMS},
 * {@link TrackingNames#MAX_BATCH_TAGS}.
 */
public record RunBatch(String runId, List<Metric> metrics, List<Param> params, List<Tag> tags) {
  public RunBatch {
    metrics = List.copyOf(metrics);
    params = List.copyOf(params);
    tags = List.copyOf(tags);
  }

  /** A batch of metrics only. */
  public static RunBatch metrics(String runId, List<Metric> metrics) {
    return new RunBatch(runId, metrics, List.of(), List.of());
  }
}
