package io.flightdeck.core.tracking;

import java.time.Instant;

/**
 * A request to create a run.
 *
 * @param runId the id to use (32 lowercase hex), or null for a fresh random one
 * @param experimentId the experiment, which must exist
 * @param name display name; may be empty
 * @param start start time
 * @param user who starts it
 * @param host where it runs
 * @param source what runs
 * @param codeVersion may be empty
 * @param parentRunId null when none
 */
public record NewRun(
    String runId,
    long experimentId,
    String name,
    Instant start,
    String user,
    String host,
    String source,
    String codeVersion,
    String parentRunId) {}
