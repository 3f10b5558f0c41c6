package io.flightdeck.core.tracking;

import java.time.Instant;
import java.util.Optional;

/**
 * What is known about a run apart from its data.
 *
 * @param runId 32 lowercase hex characters (MLflow's run_id format)
 * @param experimentId the experiment it belongs to
 * @param name display name (may be empty)
 * @param status current status
 * @param start when it started
 * @param end when it ended; null while RUNNING
 * @param user who started it
 * @param host where it ran ("local" for this machine)
 * @param source what ran: "builtin:logistic", the command line, or an imported source name
 * @param codeVersion a git commit or other version of the code; may be empty
 * @param parentRunId the parent run for nested runs (sweeps); null when none
 */
public record RunInfo(
    String runId,
    long experimentId,
    String name,
    RunStatus status,
    Instant start,
    Instant end,
    String user,
    String host,
    String source,
    String codeVersion,
    String parentRunId) {

  /** The end time when the run has ended. */
  public Optional<Instant> endTime() {
    return Optional.ofNullable(end);
  }
}
