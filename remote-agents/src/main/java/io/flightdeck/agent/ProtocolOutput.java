package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of protocol lines to the session's stdout. Any thread may {@link #send} whole
 * lines; one writer thread drains everything queued, writes it in one go and flushes, so a burst of
 * events costs one flush, and a lone reply goes out at once. The queue is bounded: a reader that
 * falls behind slows the followers, never grows memory without limit.
 */
final class ProtocolOutput implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolOutput.class);

  private static final byte[] STOP = new byte[0];

  private final OutputStream out;
  private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(256);
  private final Thread writer;
  private volatile boolean broken;

  ProtocolOutput(OutputStream out) {
    this.out = out;
    this.writer = new Thread(this::run, "protocol-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues one message as a line. */
  void send(Map<String, ?> message) {
    sendRaw((AgentCodec.line(message) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Queues bytes that are already complete lines (events read from a spool). */
  void sendRaw(byte[] lines) {
    if (broken || lines.length == 0) {
      return;
    }
    try {
      queue.put(lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether stdout has failed (the reader went away). */
  boolean broken() {
    return broken;
  }

  private void run() {
    List<byte[]> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch);
        boolean stop = false;
        for (byte[] b : batch) {
          if (b == STOP) {
            stop = true;
            break;
          }
          out.write(b);
        }
        out.flush();
        batch.clear();
        if (stop) {
          return;
        }
      }
    } catch (IOException e) {
      broken = true;
      queue.clear();
      LOG.info("stdout closed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes what is queued and stops the writer thread. */
  @Override
  public void close() {
    if (!broken) {
      try {
        queue.put(STOP);
        writer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
