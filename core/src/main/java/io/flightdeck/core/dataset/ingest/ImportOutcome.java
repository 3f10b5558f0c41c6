package io.flightdeck.core.dataset.ingest;

import io.flightdeck.core.dataset.ColumnProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What one import pass produced: a columnar data file (a temporary file the caller now owns and
 * must move into the store or delete), counts, the source's identity and the column profiles.
 *
 * @param dataFile the columnar file written
 * @param dataSize its size in bytes
 * @param rows rows stored
 * @param skippedRows bad rows skipped (skip-and-count only)
 * @param skippedLines the line numbers of the first skipped rows (at most 20)
 * @param sourceSize the source size in bytes
 * @param sourceModified the source's modification time
 * @param sourceSha256 the SHA-256 of the source bytes
 * @param profiles one profile per column, in column order
 */
public record ImportOutcome(
    Path dataFile,
    long dataSize,
    long rows,
    long skippedRows,
    List<Long> skippedLines,
    long sourceSize,
    Instant sourceModified,
    String sourceSha256,
    List<ColumnProfile> profiles) {}
