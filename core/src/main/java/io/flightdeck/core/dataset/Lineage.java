package io.flightdeck.core.dataset;

import java.time.Instant;

/**
 * Where a dataset version came from.
 *
 * @param sourcePath the absolute path of the imported file; for a version Flightdeck made itself, a
 *     label instead: {@code sample:FILE} for the sample, {@code derived: ...} naming the inputs
 *     (e.g. the dataset and model versions of batch-scored predictions)
 * @param sourceSize its size in bytes
 * @param sourceModified its modification time
 * @param sourceSha256 the lower-case hex SHA-256 of its bytes (as stored on disk, compressed if it
 *     was a {@code .csv.gz})
 * @param importedBy who imported it (operating-system user)
 * @param importedAt when
 * @param rows how many rows were stored
 * @param columns how many columns
 * @param skippedRows how many bad rows were skipped (0 unless skip-and-count was chosen)
 * @param dialect how the file was read
 */
public record Lineage(
    String sourcePath,
    long sourceSize,
    Instant sourceModified,
    String sourceSha256,
    String importedBy,
    Instant importedAt,
    long rows,
    int columns,
    long skippedRows,
    CsvDialect dialect) {}
