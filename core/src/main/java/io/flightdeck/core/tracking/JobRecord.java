package io.flightdeck.core.tracking;

import java.time.Instant;

/**
 * A persisted job.
 *
 * @param jobId 32 lowercase hex, the same id the agent uses
 * @param runId the run the job reports into
 * @param host "local" or a host name from the inventory
 * @param kind "train" or "command"
 * @param specJson the job spec as the agent receives it (JSON)
 * @param state current state
 * @param ackedSeq the highest event sequence number stored (0 when none); events at or below it are
 *     duplicates and are ignored
 * @param message why it waits or how it ended, for display
 * @param created when it was submitted
 * @param updated when it last changed
 */
public record JobRecord(
    String jobId,
    String runId,
    String host,
    String kind,
    String specJson,
    JobState state,
    long ackedSeq,
    String message,
    Instant created,
    Instant updated) {}
