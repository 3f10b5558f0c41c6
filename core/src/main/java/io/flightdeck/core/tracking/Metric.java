package io.flightdeck.core.tracking;

/**
 * One metric point. Metrics are append-only; NaN and infinities are kept as logged (charts show
 * them as gaps).
 *
 * @param key validated by {@link TrackingNames#key}
 * @param value any double, NaN and infinities included
 * @param timestampMs epoch milliseconds when it was measured
 * @param step the training step or epoch (0 when the logger gives none)
 */
public record Metric(String key, double value, long timestampMs, long step) {}
