package io.flightdeck.core.mlflow;

import java.util.List;

/**
 * What an {@code mlruns/} import did.
 *
 * @param experiments experiments read (not deleted ones), whether new or matched by name
 * @param experimentsCreated of those, how many were new to the workspace
 * @param runsImported runs written
 * @param skipped runs left out, each with the reason (already in the workspace, deleted in MLflow)
 * @param metricPoints metric points written
 * @param artifacts artifact files written
 */
public record ImportSummary(
    int experiments,
    int experimentsCreated,
    int runsImported,
    List<SkippedRun> skipped,
    long metricPoints,
    int artifacts) {
  public ImportSummary {
    skipped = List.copyOf(skipped);
  }

  /** A run that was not imported. */
  public record SkippedRun(String runId, String reason) {}

  public int runsSkipped() {
    return skipped.size();
  }
}
