package io.flightdeck.views.runs;

import java.util.Map;

/**
 * One row of the runs table, already formatted where the table only shows text.
 *
 * @param runId the run's id
 * @param name display name (the id's first 8 characters when unnamed)
 * @param status RUNNING, FINISHED, FAILED or KILLED
 * @param start start time, {@code yyyy-MM-dd HH:mm:ss} (sorts as text)
 * @param durationMs how long it ran (or has run so far)
 * @param user who started it
 * @param host where it ran
 * @param source what ran
 * @param params param values by key
 * @param tags tag values by key
 * @param metrics per metric key {last, min, max}
 */
public record RunTableRow(
    String runId,
    String name,
    String status,
    String start,
    long durationMs,
    String user,
    String host,
    String source,
    Map<String, String> params,
    Map<String, String> tags,
    Map<String, double[]> metrics) {

  /** The value of {@code params.KEY} or {@code tags.KEY}; empty when the run has none. */
  public String value(String qualifiedKey) {
    if (qualifiedKey.startsWith("params.")) {
      return params.getOrDefault(qualifiedKey.substring(7), "");
    }
    if (qualifiedKey.startsWith("tags.")) {
      return tags.getOrDefault(qualifiedKey.substring(5), "");
    }
    return "";
  }
}
