package io.flightdeck.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's side of the spool: numbers events from 1, appends whole lines to the current
 * segment and fsyncs in groups. Events become visible to readers as soon as the writer thread has
 * written them (within milliseconds); they are fsynced at most {@link #FSYNC_MS} ms after being
 * written, and {@link #end} fsyncs before it returns. Thread-safe; one instance per job, owned by
 * the supervisor, which must call {@link #end} exactly once. Emitting after {@code end} is ignored,
 * so {@code ended} is always the last event.
 */
public final class SpoolWriter implements Events {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);

  static final long FSYNC_MS = 50;
  private static final int MAX_PENDING = 8 << 20;

  private final JobDir dir;
  private final String job;
  private final Thread flusher;
  private final EventEncoder encoder = new EventEncoder();
  private Buf pending = new Buf();
  private Buf spare = new Buf();
  private long seq;
  private long pendingFirstSeq = 1;
  private boolean ended;
  private boolean stopped;
  private IOException failure;
  // owned by the flusher thread
  private FileChannel channel;
  private long segmentSize;

  public SpoolWriter(JobDir dir) {
    this.dir = dir;
    this.job = dir.job();
    this.flusher = new Thread(this::flushLoop, "spool-writer");
    flusher.setDaemon(true);
    flusher.start();
  }

  @Override
  public void emit(String kind, Map<String, Object> fields) {
    append(kind, fields);
  }

  private synchronized boolean append(String kind, Map<String, Object> fields) {
    if (ended) {
      return false;
    }
    while (pending.size() > MAX_PENDING && failure == null) {
      try {
        wait(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    if (failure != null) {
      throw new UncheckedIOException(
          "The event spool of job " + job + " cannot be written", failure);
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
   * thread. Later calls do nothing.
   *
   * @throws IOException when the spool cannot be written or synced
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
        throw failure;
      }
    }
  }

  /** The last seq handed out. */
  public synchronized long lastSeq() {
    return seq;
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
          stop = stopped && batch.size() == 0;
          notifyAll();
        }
        if (batch.size() > 0) {
          write(batch, firstSeq);
          batch.reset();
          dirty = true;
        }
        long now = System.currentTimeMillis();
        if (dirty && (stop || now - lastSync >= FSYNC_MS)) {
          channel.force(false);
          lastSync = now;
          dirty = false;
        }
        if (stop) {
          break;
        }
      }
    } catch (IOException e) {
      synchronized (this) {
        failure = e;
        notifyAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeChannel();
    }
  }

  private void write(Buf batch, long firstSeq) throws IOException {
    if (channel == null || segmentSize >= JobDir.SEGMENT_BYTES) {
      if (channel != null) {
        channel.force(false);
        channel.close();
      }
      channel =
          FileChannel.open(
              dir.dir().resolve(JobDir.segmentName(firstSeq)),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
      segmentSize = channel.size();
    }
    ByteBuffer buf = batch.buffer();
    while (buf.hasRemaining()) {
      segmentSize += channel.write(buf);
    }
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("Could not close the spool of job " + job, e);
      }
    }
  }

  /** A byte buffer whose content can be written without a copy. */
  private static final class Buf extends ByteArrayOutputStream {
    Buf() {
      super(1 << 16);
    }

    ByteBuffer buffer() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }
}
