package io.flightdeck.views.datasets;

/**
 * The drift verdict for one column.
 *
 * @param column name
 * @param method the test used
 * @param statistic its statistic
 * @param pValue the p-value, empty when the method has none
 * @param threshold the threshold applied
 * @param drifted the verdict
 */
public record DriftRow(
    String column,
    String method,
    double statistic,
    String pValue,
    double threshold,
    boolean drifted) {}
