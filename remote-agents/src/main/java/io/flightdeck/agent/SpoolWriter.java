package io.flightdeck.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's side of the spool: numbers events from 1, appends whole lines to the current
 * segment and fsyncs in groups. Events become visible to readers as soon as the writer thread has
 * written them (within milliseconds); they are fsynced at most {@link #FSYNC_MS} ms after being
 * written, and {@link #end} fsyncs before it returns. Emitting after {@code end} is ignored, so
 * {@code ended} is always the last event.
 *
 * <p>When the spool cannot be written (a full disk, a quota), nothing is lost or half written: the
 * segment is cut back to its last whole line (readers also stop at the last {@code \n}), the
 * unwritten events stay in memory and are written again every {@link #RETRY_MS} ms until that
 * works, and meanwhile {@code spool-state} ({@link SpoolState}) says why, for serve to tell the
 * app. The events held, written or waiting, are bounded ({@code maxPending} bytes and one event):
 * once that is reached, {@link #emit} blocks, which holds the job back (its output is not read
 * further, its metric calls wait).
 *
 * <p>Thread-safe; one instance per job, owned by the supervisor, which must call {@link #end}
 * exactly once. It owns one writer thread ({@code spool-writer}), which owns the segment files and
 * the state file and closes them when it stops.
 */
public final class SpoolWriter implements Events {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);

  static final long FSYNC_MS = 50;
  static final long RETRY_MS = 1000;
  private static final int MAX_PENDING = 8 << 20;

  /** Opens a segment for appending: the file system, or a test's failing channel. */
  interface Opener {
    FileChannel open(Path segment) throws IOException;
  }

  private static final Opener FILES =
      p ->
          FileChannel.open(
              p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

  private final JobDir dir;
  private final String job;
  private final Opener opener;
  private final long retryMs;
  private final int maxPending;
  private final Thread flusher;
  private final EventEncoder encoder = new EventEncoder();
  private Buf pending = new Buf(1 << 16);
  private Buf spare = new Buf(1 << 16);
  private long seq;
  private long pendingFirstSeq = 1;
  private int held; // bytes of the batch the writer thread is writing
  private boolean ended;
  private boolean stopped;
  private boolean waiting;
  private Throwable failure;
  // owned by the flusher thread
  private final SpoolState state;
  private FileChannel channel;
  private long segmentSize;
  private boolean trim;
  private long waitingSince;
  private boolean stateFailed;

  public SpoolWriter(JobDir dir) {
    this(dir, FILES, RETRY_MS, MAX_PENDING);
  }

  /** A writer with its own segment opener, retry interval and bound of held events (tests). */
  SpoolWriter(JobDir dir, Opener opener, long retryMs, int maxPending) {
    this.dir = dir;
    this.job = dir.job();
    this.opener = opener;
    this.retryMs = retryMs;
    this.maxPending = maxPending;
    SpoolState s = null;
    try {
      s = SpoolState.create(dir.spoolStateFile());
    } catch (IOException e) {
      LOG.warn("Job {}: no {}; a full disk will not be reported: {}", job, dir.spoolStateFile(), e);
    }
    this.state = s;
    this.flusher = new Thread(this::flushLoop, "spool-writer");
    flusher.setDaemon(true);
    flusher.start();
  }

  /**
   * Appends one event; blocks while the writer holds more than its bound of unwritten events.
   *
   * @throws IllegalStateException when the writer thread has died of an unexpected error
   */
  @Override
  public void emit(String kind, Map<String, Object> fields) {
    append(kind, fields);
  }

  private synchronized boolean append(String kind, Map<String, Object> fields) {
    if (ended) {
      return false;
    }
    while (pending.size() + held > maxPending && failure == null) {
      try {
        wait(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    if (failure != null) {
      throw new IllegalStateException("The event spool of job " + job + " stopped", failure);
    }
    long s = ++seq;
    String line = encoder.line(job, s, System.currentTimeMillis(), kind, fields);
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    boolean wasEmpty = pending.size() == 0;
    if (wasEmpty) {
      pendingFirstSeq = s;
    }
    pending.write(bytes, 0, bytes.length);
    pending.write('\n');
    if (wasEmpty) {
      notifyAll();
    }
    return true;
  }

  /**
   * Writes {@code ended} as the last event, writes and fsyncs everything, and stops the writer
   * thread. While the spool cannot be written this waits, retrying, until it can. Later calls do
   * nothing.
   *
   * @throws IOException when the writer thread died of an unexpected error
   */
  public void end(String status, Integer exitCode, String message) throws IOException {
    Map<String, Object> f = new HashMap<>();
    f.put("status", status);
    if (exitCode != null) {
      f.put("exitCode", exitCode);
    }
    f.put("message", message == null ? "" : message);
    boolean first;
    synchronized (this) {
      first = append("ended", f);
      ended = true;
      stopped = true;
      notifyAll();
    }
    try {
      flusher.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (first && failure != null) {
        throw new IOException("The event spool of job " + job + " stopped", failure);
      }
    }
  }

  /** The last seq handed out. */
  public synchronized long lastSeq() {
    return seq;
  }

  /** Whether the writer is waiting to write again (the spool could not be written). */
  synchronized boolean waiting() {
    return waiting;
  }

  private void flushLoop() {
    long lastSync = System.currentTimeMillis();
    boolean dirty = false;
    try {
      while (true) {
        Buf batch;
        long firstSeq;
        boolean stop;
        synchronized (this) {
          while (pending.size() == 0 && !stopped) {
            long wait = dirty ? Math.max(1, lastSync + FSYNC_MS - System.currentTimeMillis()) : 0;
            wait(wait);
            if (dirty && System.currentTimeMillis() - lastSync >= FSYNC_MS) {
              break;
            }
          }
          batch = pending;
          firstSeq = pendingFirstSeq;
          pending = spare;
          spare = batch;
          held = batch.size();
          stop = stopped && batch.size() == 0;
          notifyAll();
        }
        if (batch.size() > 0) {
          try {
            write(batch, firstSeq);
          } catch (Failure f) {
            dirty |= f.done > 0;
            requeue(batch, f.done, firstSeq + lines(batch, f.done));
            batch.reset();
            pause(f.cause);
            continue;
          }
          batch.reset();
          dirty = true;
          release();
        }
        long now = System.currentTimeMillis();
        if (dirty && channel != null && (stop || now - lastSync >= FSYNC_MS)) {
          try {
            channel.force(false);
          } catch (IOException e) {
            pause(e);
            continue;
          }
          lastSync = now;
          dirty = false;
        }
        if (waiting) {
          resume();
        }
        if (stop) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      LOG.error("The spool writer of job " + job + " failed", e);
      synchronized (this) {
        failure = e;
        notifyAll();
      }
    } finally {
      close();
    }
  }

  /**
   * Appends the batch to the current segment (a new one once it is full). On failure the segment is
   * cut back to its last whole line.
   *
   * @throws Failure with how many bytes of the batch are now in the file (whole lines)
   */
  private void write(Buf batch, long firstSeq) throws Failure {
    ByteBuffer buf = batch.buffer();
    long start = segmentSize;
    try {
      if (trim) {
        channel.truncate(segmentSize); // a torn line that an earlier cut failed to remove
        trim = false;
      }
      if (channel == null || segmentSize >= JobDir.SEGMENT_BYTES) {
        roll(firstSeq);
      }
      start = segmentSize;
      while (buf.hasRemaining()) {
        segmentSize += channel.write(buf);
      }
    } catch (IOException e) {
      int done = lastNewline(batch.array(), buf.position()) + 1;
      segmentSize = start + done;
      if (channel != null) {
        try {
          channel.truncate(segmentSize);
        } catch (IOException t) {
          trim = true;
        }
      }
      throw new Failure(done, e);
    }
  }

  /** Completes the current segment (a whole number of lines) and starts the next one. */
  private void roll(long firstSeq) throws IOException {
    if (channel != null) {
      channel.force(false);
      FileChannel old = channel;
      channel = null;
      old.close();
    }
    channel = opener.open(dir.dir().resolve(JobDir.segmentName(firstSeq)));
    segmentSize = channel.size();
  }

  /** Puts the unwritten rest of a batch back in front of the events emitted meanwhile. */
  private synchronized void requeue(Buf batch, int from, long firstSeq) {
    Buf merged = new Buf(batch.size() - from + pending.size() + 1024);
    merged.write(batch.array(), from, batch.size() - from);
    merged.write(pending.array(), 0, pending.size());
    pending = merged;
    pendingFirstSeq = firstSeq;
    held = 0;
    notifyAll();
  }

  /** The batch in flight is written: emitters held back by it may go on. */
  private synchronized void release() {
    held = 0;
    notifyAll();
  }

  /** Records why the spool cannot be written, then waits {@link #retryMs} before the retry. */
  private void pause(IOException e) throws InterruptedException {
    String message = reason(dir.dir(), e);
    if (!waiting) {
      waitingSince = System.currentTimeMillis();
      LOG.warn("Job {}: {}; retrying every {} ms", job, message, retryMs, e);
      synchronized (this) {
        waiting = true;
      }
    }
    writeState(new SpoolState.Waiting(waitingSince, message));
    Thread.sleep(retryMs);
  }

  private void resume() {
    LOG.info(
        "Job {}: the spool is written again after {} ms",
        job,
        System.currentTimeMillis() - waitingSince);
    synchronized (this) {
      waiting = false;
    }
    writeState(null);
  }

  private void writeState(SpoolState.Waiting w) {
    if (state == null) {
      return;
    }
    try {
      state.write(w);
      stateFailed = false;
    } catch (IOException e) {
      if (!stateFailed) {
        stateFailed = true;
        LOG.warn("Job {}: cannot update {}: {}", job, dir.spoolStateFile(), e.toString());
      }
    }
  }

  /** The sentence serve shows while the spool of the job in {@code dir} cannot be written. */
  static String reason(Path dir, IOException e) {
    long free;
    try {
      free = Files.getFileStore(dir).getUsableSpace();
    } catch (IOException | RuntimeException x) {
      free = -1;
    }
    String m = String.valueOf(e.getMessage());
    boolean full =
        m.contains("No space left on device")
            || m.contains("Disk quota exceeded")
            || (free >= 0 && free < 64 * 1024);
    if (full) {
      return "waiting: the host's disk is full at "
          + dir
          + " ("
          + (free < 0 ? "unknown" : Long.toString(free))
          + " bytes free); the job is paused until space is freed";
    }
    return "waiting: the job's events cannot be written to "
        + dir
        + " ("
        + e
        + "); the job is paused until they can be";
  }

  private static int lastNewline(byte[] a, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (a[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static long lines(Buf b, int end) {
    byte[] a = b.array();
    long n = 0;
    for (int i = 0; i < end; i++) {
      if (a[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  private void close() {
    try {
      if (channel != null) {
        channel.close();
      }
      if (state != null) {
        state.close();
      }
    } catch (IOException e) {
      LOG.warn("Could not close the spool of job " + job, e);
    }
  }

  /** A write that failed after {@code done} bytes of whole lines. */
  private static final class Failure extends Exception {
    final int done;
    final IOException cause;

    Failure(int done, IOException cause) {
      super(cause);
      this.done = done;
      this.cause = cause;
    }
  }

  /** A byte buffer whose content can be written without a copy. */
  private static final class Buf extends ByteArrayOutputStream {
    Buf(int capacity) {
      super(capacity);
    }

    byte[] array() {
      return buf;
    }

    ByteBuffer buffer() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }
}
