package io.flightdeck.agent;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one job's spool to the session from a seq on, then follows new events until {@code
 * ended}; when the supervisor is gone without {@code ended}, sends {@code lost} after draining.
 * Owns its thread and its spool reader.
 */
final class JobFollower {
  private static final Logger LOG = LoggerFactory.getLogger(JobFollower.class);

  private final JobDir dir;
  private final long from;
  private final ProtocolOutput out;
  private final Thread thread;
  private BooleanSupplier before = () -> true;
  private volatile boolean stopped;

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
        byte[] lines = reader.read();
        if (lines.length > 0) {
          out.sendRaw(lines);
          if (reader.endedSeen()) {
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
}
