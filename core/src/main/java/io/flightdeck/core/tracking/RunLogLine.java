package io.flightdeck.core.tracking;

/**
 * One line of a run's log.
 *
 * @param seq the line's number within the run, from 1
 * @param timestampMs when it was written
 * @param stream "stdout", "stderr" or "agent"
 * @param text the line without its line terminator
 */
public record RunLogLine(long seq, long timestampMs, String stream, String text) {}
