package io.flightdeck.views.datasets;

/**
 * One finding of a validation against a schema contract.
 *
 * @param severity ERROR or WARNING
 * @param column the column concerned
 * @param kind e.g. missing column, out of range
 * @param count how many values or rows
 * @param examples example line numbers
 * @param message a plain sentence
 */
public record ValidationIssueRow(
    String severity, String column, String kind, long count, String examples, String message) {}
