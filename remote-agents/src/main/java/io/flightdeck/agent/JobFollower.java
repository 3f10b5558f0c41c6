package io.flightdeck.agent;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one job's spool to the session from a seq on, then follows new events until {@code
 * ended}; when the supervisor is gone without {@code ended}, sends {@code lost} after draining.
 * Every {@link #STATE_POLL_MS} ms it also reads the supervisor's {@link SpoolState}: when the
 * supervisor waits because the spool cannot be written (a full disk), it sends {@code
 * {"type":"status","job":..,"waiting":true,"message":..}} (again when the message changes), and
 * {@code "waiting":false} once the supervisor writes again. Owns its thread and its spool reader.
 */
final class JobFollower {
  private static final Logger LOG = LoggerFactory.getLogger(JobFollower.class);

  static final long STATE_POLL_MS = 500;
  static final String RESUMED = "resumed: the job's events are written again";

  private final JobDir dir;
  private final long from;
  private final ProtocolOutput out;
  private final Thread thread;
  private BooleanSupplier before = () -> true;
  private volatile boolean stopped;
  // owned by the follower thread
  private long stateCheckedAt;
  private String waitingSent;
  private boolean progressed;

  JobFollower(JobDir dir, long from, ProtocolOutput out) {
    this.dir = dir;
    this.from = from;
    this.out = out;
    this.thread = new Thread(this::run, "follow-" + dir.job().substring(0, 8));
    thread.setDaemon(true);
  }

  /** Work done on the follower's thread before streaming (the start reply); false cancels. */
  void beforeStreaming(BooleanSupplier task) {
    this.before = task;
  }

  void start() {
    thread.start();
  }

  void stop() {
    stopped = true;
    thread.interrupt();
  }

  private void run() {
    if (!before.getAsBoolean()) {
      return;
    }
    try (SpoolReader reader = new SpoolReader(dir, from)) {
      int idle = 0;
      while (!stopped && !out.broken()) {
        checkState();
        byte[] lines = reader.read();
        if (lines.length > 0) {
          out.sendRaw(lines);
          progressed = true;
          if (reader.endedSeen()) {
            ended();
            return;
          }
          idle = 0;
          continue;
        }
        if (++idle % 20 == 0 && !dir.status().state().equals("RUNNING")) {
          // gone or ended: whatever it wrote is on disk now, so one more read drains it
          lines = reader.read();
          if (lines.length > 0) {
            out.sendRaw(lines);
            if (reader.endedSeen()) {
              ended();
              return;
            }
            continue;
          }
          JobDir.Status st = dir.status();
          if (st.state().equals("LOST")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "lost");
            m.put("job", dir.job());
            m.put("lastSeq", st.tail().lastSeq());
            out.send(m);
          }
          return;
        }
        Thread.sleep(idle < 50 ? 2 : 10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Following job " + dir.job() + " failed", e);
    }
  }

  /**
   * Sends a {@code status} message when the supervisor's waiting state changed since the last one;
   * reads the state file at most every {@link #STATE_POLL_MS} ms. "Waiting" is believed only when
   * no event came in since the last look: the supervisor clears the file just after it writes
   * again, so a file read in between would be stale.
   */
  private void checkState() {
    long t = System.currentTimeMillis();
    if (t - stateCheckedAt < STATE_POLL_MS) {
      return;
    }
    stateCheckedAt = t;
    boolean moved = progressed;
    progressed = false;
    Optional<SpoolState.Waiting> w;
    try {
      w = SpoolState.read(dir.spoolStateFile());
    } catch (IOException e) {
      return; // caught mid-write: the next poll reads it whole
    }
    if (w.isPresent() && !moved && !w.get().message().equals(waitingSent)) {
      if (dir.supervisor().isEmpty()) {
        return; // a dead supervisor waits for nothing: "lost" tells the rest
      }
      waitingSent = w.get().message();
      sendStatus(true, waitingSent);
    } else if (w.isEmpty() && waitingSent != null) {
      waitingSent = null;
      sendStatus(false, RESUMED);
    }
  }

  /** {@code ended} is written, so nothing waits any more. */
  private void ended() {
    if (waitingSent != null) {
      waitingSent = null;
      sendStatus(false, RESUMED);
    }
  }

  private void sendStatus(boolean waiting, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "status");
    m.put("job", dir.job());
    m.put("waiting", waiting);
    m.put("message", message);
    out.send(m);
  }
}
