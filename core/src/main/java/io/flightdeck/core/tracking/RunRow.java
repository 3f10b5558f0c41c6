package io.flightdeck.core.tracking;

import java.util.Map;

/**
 * One row of the runs table: the run, its params and tags, and a summary of each metric. Maps are
 * unmodifiable and sorted by key.
 */
public record RunRow(
    RunInfo info,
    Map<String, String> params,
    Map<String, String> tags,
    Map<String, MetricSummary> metrics) {}
