package io.flightdeck.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a job's spool from a given seq on, across segments, returning only complete lines (it stops
 * at the last {@code \n}, so a line being written, or one cut short by a full disk, is never seen
 * half; such a trailing piece of a finished segment is skipped). Relies on the writer's contract:
 * seqs are contiguous and a new segment is created only after the previous one is complete. Not
 * thread-safe: one reader per follower thread; closes its file in {@link #close}.
 */
final class SpoolReader implements AutoCloseable {
  private static final int CHUNK = 1 << 20;

  private final JobDir dir;
  private long skip;
  private long segmentFirst = -1;
  private FileChannel channel;
  private long position;
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
  private boolean lastWasEnded;

  /** A reader that returns events with seq >= {@code from}. */
  SpoolReader(JobDir dir, long from) {
    this.dir = dir;
    this.skip = Math.max(1, from);
  }

  /**
   * The next complete lines, possibly none (an empty array) when the writer has not written more
   * yet.
   */
  byte[] read() throws IOException {
    if (channel == null && !open()) {
      return new byte[0];
    }
    while (true) {
      byte[] lines = readLines();
      if (lines.length > 0) {
        return lines;
      }
      JobDir.Segment next = nextSegment();
      if (next == null) {
        return lines;
      }
      // the writer finished this segment before creating the next: what is left is final, and a
      // trailing piece without \n (never written by a healthy writer) is skipped
      long before;
      do {
        before = position;
        lines = readLines();
        if (lines.length > 0) {
          return lines;
        }
      } while (position > before);
      long saved = skip;
      skip = skip + next.firstSeq(); // openSegment subtracts firstSeq again
      if (!openSegment(next)) {
        skip = saved;
        return lines;
      }
    }
  }

  /** Whether the last line returned by {@link #read} was the job's {@code ended} event. */
  boolean endedSeen() {
    return lastWasEnded;
  }

  private boolean open() throws IOException {
    List<JobDir.Segment> segs = dir.segments();
    if (segs.isEmpty()) {
      return false;
    }
    JobDir.Segment pick = segs.get(0);
    for (JobDir.Segment s : segs) {
      if (s.firstSeq() <= skip) {
        pick = s;
      }
    }
    return openSegment(pick);
  }

  private boolean openSegment(JobDir.Segment s) throws IOException {
    try {
      FileChannel c = FileChannel.open(s.path(), StandardOpenOption.READ);
      closeChannel();
      channel = c;
      segmentFirst = s.firstSeq();
      position = 0;
      // lines below "skip" in this segment are dropped; skip now counts lines to drop
      skip = Math.max(0, skip - s.firstSeq());
      return true;
    } catch (NoSuchFileException e) {
      return false; // acked and deleted meanwhile: the caller retries
    }
  }

  /** The segment after the current one, or null while there is none. */
  private JobDir.Segment nextSegment() throws IOException {
    for (JobDir.Segment s : dir.segments()) {
      if (s.firstSeq() > segmentFirst) {
        return s;
      }
    }
    return null;
  }

  private byte[] readLines() throws IOException {
    buffer.clear();
    int n = channel.read(buffer, position);
    if (n <= 0) {
      return new byte[0];
    }
    byte[] a = buffer.array();
    int end = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (a[i] == '\n') {
        end = i + 1;
        break;
      }
    }
    if (end < 0) {
      if (n == CHUNK) {
        throw new IOException("A spool line of job " + dir.job() + " is longer than " + CHUNK);
      }
      return new byte[0];
    }
    position += end;
    int start = 0;
    while (skip > 0 && start < end) {
      int nl = indexOf(a, start, end);
      start = nl + 1;
      skip--;
    }
    if (start >= end) {
      return new byte[0];
    }
    int lastStart = end - 1;
    while (lastStart > start && a[lastStart - 1] != '\n') {
      lastStart--;
    }
    lastWasEnded = JobDir.isEnded(a, lastStart, end - 1);
    return Arrays.copyOfRange(a, start, end);
  }

  private static int indexOf(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == '\n') {
        return i;
      }
    }
    return to - 1;
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeChannel();
  }
}
