package io.flightdeck.core.tracking;

/**
 * The summary of one metric of one run, as the runs table shows it. NaN and infinities are ignored
 * for min and max; {@code last} is the value with the highest (step, timestamp).
 *
 * @param key metric key
 * @param last the newest value (may be NaN)
 * @param min the smallest finite value, NaN when there is none
 * @param max the largest finite value, NaN when there is none
 * @param lastStep the step of the newest value
 * @param count how many points were logged
 */
public record MetricSummary(
    String key, double last, double min, double max, long lastStep, long count) {}
