package io.flightdeck.views.models;

/**
 * A metric with one or two values (two when comparing versions).
 *
 * @param metric the metric name
 * @param first the value (or the first version's)
 * @param second the second version's value, or empty
 * @param difference second minus first, or empty
 */
public record MetricRow(String metric, String first, String second, String difference) {}
