package io.flightdeck.core.jobs;

import io.flightdeck.core.tracking.JobState;

/**
 * It happened: a job's events were stored, or its state changed.
 *
 * @param jobId the job
 * @param runId its run
 * @param state the job's state now
 * @param message what it does or why it waits or how it ended
 * @param storedSeq the last event stored
 */
public record JobUpdate(
    String jobId, String runId, JobState state, String message, long storedSeq) {}
