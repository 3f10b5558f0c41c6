package io.flightdeck.core.dataset;

/**
 * How far an import (or export) has come.
 *
 * @param rows rows processed so far
 * @param bytes bytes of the source read so far (compressed bytes for {@code .csv.gz})
 * @param totalBytes the source size, for a fraction
 * @param rowsPerSecond the average rate since the start
 */
public record ImportStatus(long rows, long bytes, long totalBytes, double rowsPerSecond) {
  /** The fraction done in 0..1, or -1 when the total is unknown. */
  public double fraction() {
    return totalBytes <= 0 ? -1 : Math.min(1.0, (double) bytes / totalBytes);
  }
}
