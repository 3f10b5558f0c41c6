package io.flightdeck.views.jobs;

/** One row of the jobs table, as text ready to show. */
public record JobRow(
    String jobId,
    String runId,
    String run,
    String kind,
    String host,
    String state,
    String started,
    String message) {}
