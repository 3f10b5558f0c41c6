package io.flightdeck.core.tracking;

import java.time.Instant;
import java.util.List;

/**
 * Everything derived from a contiguous range of a job's events, stored in one transaction together
 * with the job's new acknowledged sequence number. This is what makes delivery exactly-once: a
 * range whose {@code upToSeq} is not above the stored {@code ackedSeq} is ignored as a whole.
 *
 * @param jobId the job
 * @param upToSeq the sequence number of the last event in the range
 * @param batches metrics, params and tags (each batch within the MLflow limits)
 * @param logLines new log lines of the job's run
 * @param artifacts artifacts already put into the artifact store
 * @param runStatus a new run status, or null when unchanged
 * @param runEnd the run's end time when {@code runStatus} is terminal, else null
 * @param jobState a new job state, or null when unchanged
 * @param message a new job message, or null when unchanged
 */
public record JobProgress(
    String jobId,
    long upToSeq,
    List<RunBatch> batches,
    List<RunLogLine> logLines,
    List<RunArtifact> artifacts,
    RunStatus runStatus,
    Instant runEnd,
    JobState jobState,
    String message) {
  public JobProgress {
    batches = List.copyOf(batches);
    logLines = List.copyOf(logLines);
    artifacts = List.copyOf(artifacts);
  }
}
