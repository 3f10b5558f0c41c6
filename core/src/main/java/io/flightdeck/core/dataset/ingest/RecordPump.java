package io.flightdeck.core.dataset.ingest;

import io.flightdeck.core.dataset.csv.DecodingReader;
import io.flightdeck.core.dataset.csv.SourceStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses CSV records on a thread of its own and hands them over in small batches, so that decoding
 * and parsing (the part a bare CSV reader does too) overlap with type checks, profiles and writing.
 * Memory stays bounded: at most {@value #QUEUE} batches wait, each of at most {@value #BATCH_ROWS}
 * records and about {@value #BATCH_BYTES} bytes. The last batch carries the source's SHA-256, a
 * failure carries the exception. Owned by one import, which closes it (stopping the thread).
 */
final class RecordPump implements AutoCloseable {
  static final int BATCH_ROWS = 1024;
  static final long BATCH_BYTES = 1 << 20;
  static final int QUEUE = 3;
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Records with their first lines, or the end (with the hash), or a failure. */
  record Batch(String[][] rows, long[] lines, int size, RuntimeException error, String sha256) {
    boolean end() {
      return sha256 != null;
    }
  }

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile boolean stopped;

  RecordPump(SourceStream src, DecodingReader reader, CSVParser parser, Path file, long maxChars) {
    thread =
        new Thread(
            () -> run(src, reader, parser, file, maxChars),
            "flightdeck-csv-reader-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The next batch; blocks. */
  Batch take() throws InterruptedException {
    return queue.take();
  }

  private void run(
      SourceStream src, DecodingReader reader, CSVParser parser, Path file, long maxChars) {
    try {
      Iterator<CSVRecord> it = parser.iterator();
      long nextLine = 1;
      String[][] rows = new String[BATCH_ROWS][];
      long[] lines = new long[BATCH_ROWS];
      int n = 0;
      long bytes = 0;
      while (!stopped) {
        long line = nextLine;
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw CsvErrors.translate(file, line, e, maxChars);
        }
        nextLine = parser.getCurrentLineNumber() + 1;
        reader.recordDone();
        String[] values = rec.values();
        rows[n] = values;
        lines[n++] = line;
        for (String v : values) {
          bytes += 48 + v.length();
        }
        if (n == BATCH_ROWS || bytes >= BATCH_BYTES) {
          put(new Batch(rows, lines, n, null, null));
          rows = new String[BATCH_ROWS][];
          lines = new long[BATCH_ROWS];
          n = 0;
          bytes = 0;
        }
      }
      if (n > 0) {
        put(new Batch(rows, lines, n, null, null));
      }
      if (!stopped) {
        put(new Batch(null, null, 0, null, src.finishHash()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      offerError(e);
    } catch (IOException e) {
      offerError(new UncheckedIOException(e));
    }
  }

  private void put(Batch b) throws InterruptedException {
    while (!stopped && !queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
      // the consumer is busy; check again whether it gave up
    }
  }

  private void offerError(RuntimeException e) {
    if (stopped) {
      return;
    }
    try {
      put(new Batch(null, null, 0, e, null));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the thread and waits for it (briefly), so the file can be closed. */
  @Override
  public void close() {
    stopped = true;
    queue.clear();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
