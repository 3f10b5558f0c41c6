package io.flightdeck.core.stats;

/**
 * One quantile of a numeric column.
 *
 * @param percent the percentile, 0 to 100
 * @param value the value (NumPy's default "linear" interpolation when exact)
 */
public record Quantile(double percent, double value) {}
