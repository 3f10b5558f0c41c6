package io.flightdeck.core.dataset.ingest;

import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.ImportStatus;
import io.flightdeck.core.dataset.columnar.ColumnarWriter;
import io.flightdeck.core.dataset.csv.DecodingReader;
import io.flightdeck.core.dataset.csv.SourceStream;
import io.flightdeck.core.dataset.profile.ColumnProfiler;
import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.apache.commons.csv.CSVParser;

/**
 * The import pass: reads a CSV file once, checks every row, writes the columnar data file and
 * computes the column profiles, with memory bounded by the row-group budget whatever the file's
 * size. Stateless and thread-safe (each call has its own state); blocking, call it off the UI
 * thread.
 */
public final class CsvImporter {
  /** The longest record accepted, in characters. */
  public static final long MAX_RECORD_CHARS = 10L << 20;

  /** The most columns accepted. */
  public static final int MAX_COLUMNS = 100_000;

  private static final long REPORT_EVERY_NS = 200_000_000L;
  private final long maxRecordChars;

  /** An importer with the default record limit. */
  public CsvImporter() {
    this(MAX_RECORD_CHARS);
  }

  /** An importer with another record limit (tests). */
  public CsvImporter(long maxRecordChars) {
    this.maxRecordChars = maxRecordChars;
  }

  /**
   * Imports a file into a new columnar file in {@code tmpDir}.
   *
   * @return the outcome; the caller owns {@link ImportOutcome#dataFile()}
   * @throws FlightdeckException for bad input, naming the file, line and column and saying what to
   *     do; no file is left behind
   * @throws CancellationException when {@code progress} asks to stop or the thread is interrupted;
   *     no file is left behind
   */
  public ImportOutcome run(ImportRequest req, Path tmpDir, ImportProgress progress) {
    checkColumns(req);
    Path file = req.file();
    Path out;
    try {
      Files.createDirectories(tmpDir);
      out = Files.createTempFile(tmpDir, "import-", ".fdcol");
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot create a temporary file in " + tmpDir + ": " + e.getMessage() + ".",
          "Free some disk space and try again.",
          e);
    }
    boolean done = false;
    try {
      ImportOutcome outcome = pass(req, out, progress);
      done = true;
      return outcome;
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot import " + file + ": " + e.getMessage() + ".",
          "Check that the file is readable and the disk has space.",
          e);
    } finally {
      if (!done) {
        deleteQuietly(out);
      }
    }
  }

  private ImportOutcome pass(ImportRequest req, Path out, ImportProgress progress)
      throws IOException {
    Path file = req.file();
    List<ColumnSpec> cols = req.columns();
    int width = cols.size();
    long size = Files.size(file);
    var mtime = Files.getLastModifiedTime(file).toInstant();
    ColumnProfiler[] profilers = new ColumnProfiler[width];
    for (int i = 0; i < width; i++) {
      profilers[i] = ColumnProfiler.create(cols.get(i).type(), width);
    }
    CellDecoder decoder = new CellDecoder(cols);
    long start = System.nanoTime();
    long lastReport = start;
    try (SourceStream src = SourceStream.open(file);
        DecodingReader reader =
            new DecodingReader(src.data(), req.dialect().encoding(), maxRecordChars);
        CSVParser parser = CSVParser.parse(reader, req.dialect().toFormat());
        ColumnarWriter writer = new ColumnarWriter(out, cols);
        RecordPump pump = new RecordPump(src, reader, parser, file, maxRecordChars)) {
      pump.start();
      RowSink sink = new RowSink(req, decoder, writer, profilers);
      boolean header = req.dialect().header();
      String sha = null;
      while (sha == null) {
        RecordPump.Batch batch = take(pump, file);
        if (batch.error() != null) {
          throw batch.error();
        }
        if (batch.end()) {
          sha = batch.sha256();
          break;
        }
        int r = 0;
        if (header && batch.size() > 0) {
          header = false;
          checkHeader(req, batch.rows()[0].length);
          r = 1;
        }
        for (; r < batch.size(); r++) {
          sink.row(batch.rows()[r], batch.lines()[r]);
        }
        if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
          throw new CancellationException(
              "Import of " + file + " cancelled after " + sink.rows + " rows");
        }
        long now = System.nanoTime();
        if (now - lastReport >= REPORT_EVERY_NS) {
          lastReport = now;
          progress.update(status(sink.rows, src.count(), size, start, now));
        }
      }
      if (header) {
        throw new FlightdeckException(
            "The file " + file + " is empty.", "Choose a CSV file with a header and rows.");
      }
      long rows = sink.rows;
      if (rows == 0) {
        throw new FlightdeckException(
            sink.skipped == 0
                ? "The file " + file + " has a header but no data rows."
                : "The file " + file + " has no good rows: all " + sink.skipped + " were skipped.",
            "Choose a file with at least one row that fits the columns.");
      }
      if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Import of " + file + " cancelled at the end");
      }
      long dataSize = writer.finish();
      progress.update(status(rows, size, size, start, System.nanoTime()));
      // Each profiler sorts its sample once: spread that over the cores.
      List<ColumnProfile> profiles =
          java.util.stream.IntStream.range(0, width)
              .parallel()
              .mapToObj(i -> profilers[i].finish(cols.get(i).name(), cols.get(i).type(), rows))
              .toList();
      return new ImportOutcome(
          out, dataSize, rows, sink.skipped, sink.skippedLines, size, mtime, sha, profiles);
    }
  }

  private static RecordPump.Batch take(RecordPump pump, Path file) {
    try {
      return pump.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Import of " + file + " interrupted");
    }
  }

  private static ImportStatus status(long rows, long bytes, long size, long start, long now) {
    double secs = Math.max(1e-9, (now - start) / 1e9);
    return new ImportStatus(rows, bytes, size, rows / secs);
  }

  private static void checkHeader(ImportRequest req, int fields) {
    if (fields != req.columns().size()) {
      throw new FlightdeckException(
          "The header (line 1) of "
              + req.file()
              + " has "
              + fields
              + " names but the import expects "
              + req.columns().size()
              + " columns.",
          "Preview the file again: the delimiter or the header setting may be wrong.");
    }
  }

  /** Checks names, roles and the column count before reading anything. */
  static void checkColumns(ImportRequest req) {
    List<ColumnSpec> cols = req.columns();
    String where = " in the import of " + req.file();
    if (cols.isEmpty()) {
      throw new FlightdeckException("No columns" + where + ".", "Preview the file first.");
    }
    if (cols.size() > MAX_COLUMNS) {
      throw new FlightdeckException(
          "The file "
              + req.file()
              + " has "
              + cols.size()
              + " columns; at most "
              + MAX_COLUMNS
              + " are supported.",
          "Split the file into several datasets.");
    }
    Set<String> seen = new HashSet<>();
    int time = 0;
    int target = 0;
    for (int i = 0; i < cols.size(); i++) {
      ColumnSpec c = cols.get(i);
      if (c.name().isBlank()) {
        throw new FlightdeckException(
            "Column " + (i + 1) + " has an empty name" + where + ".",
            "Give it a name in the preview, or fix the header line of the file.");
      }
      if (!seen.add(c.name())) {
        throw new FlightdeckException(
            "Two columns are named '"
                + c.name()
                + "' (the second is column "
                + (i + 1)
                + ")"
                + where
                + ".",
            "Rename one of them in the preview, or fix the header line of the file.");
      }
      if (c.role() == ColumnRole.TIME) {
        time++;
        if (!(c.type().isNumeric()
            || c.type() == io.flightdeck.core.dataset.ColumnType.TIMESTAMP)) {
          throw new FlightdeckException(
              "The time column '" + c.name() + "' is " + c.type() + where + ".",
              "Choose a TIMESTAMP or numeric column as the time column.");
        }
      }
      target += c.role() == ColumnRole.TARGET ? 1 : 0;
    }
    if (time > 1 || target > 1) {
      throw new FlightdeckException(
          "More than one " + (time > 1 ? "time" : "target") + " column" + where + ".",
          "Mark at most one column as time and one as target.");
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // the store's tmp/ folder is cleaned on the next open anyway
      org.slf4j.LoggerFactory.getLogger(CsvImporter.class)
          .warn("Could not delete the temporary file {}", p, e);
    }
  }
}
