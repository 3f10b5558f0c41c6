package io.flightdeck.runners.agent;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.agent.AgentEvent;
import io.flightdeck.core.error.FlightdeckException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's end of one agent session over any byte stream (a child process's pipes, an SSH exec
 * channel), speaking the JSON-lines protocol of {@code docs/agent-protocol.md}.
 *
 * <p>Threading: requests may be sent from any thread. One reader thread per session (named {@code
 * flightdeck-agent-<name>}) parses the agent's output; replies complete the request's future and
 * job events are handed to the {@link Listener} on that reader thread, in order. Ownership: the
 * session owns the streams and the {@link #onClose} action (e.g. destroying a child process) and
 * releases them in {@link #close}.
 */
public final class AgentSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);

  /** Receives what the agent sends, on the session's reader thread. */
  public interface Listener {
    /** A job event, in seq order per job as the agent sends them. */
    void onEvent(AgentEvent event);

    /**
     * The agent drained a job whose supervisor died without an end event: nothing after {@code
     * lastSeq} will come.
     */
    default void onLost(String job, long lastSeq) {}

    /**
     * The agent says why a job waits, or that it goes on (not an event: nothing is stored but the
     * job's message), e.g. "waiting: the host's disk is full at ...".
     */
    default void onStatus(String job, String message, boolean waiting) {}

    /** The session ended (end of stream, I/O error, or close); {@code cause} null when closed. */
    void onClosed(AgentSession session, Throwable cause);
  }

  private final String name;
  private final BufferedWriter out;
  private final BufferedReader in;
  private final Runnable onClose;
  private final Listener listener;
  private final Map<String, CompletableFuture<Map<String, Object>>> pending =
      new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final CompletableFuture<Map<String, Object>> hello = new CompletableFuture<>();
  private final Thread reader;
  private volatile boolean closed;

  /**
   * Starts reading at once. Call {@link #awaitHello} before sending requests.
   *
   * @param name for thread names and messages ("local", a host name)
   * @param fromAgent the agent's stdout
   * @param toAgent the agent's stdin
   * @param onClose run once on close (kill a process, close a channel); may be a no-op
   */
  public AgentSession(
      String name,
      InputStream fromAgent,
      OutputStream toAgent,
      Runnable onClose,
      Listener listener) {
    this.name = name;
    this.in = new BufferedReader(new InputStreamReader(fromAgent, StandardCharsets.UTF_8), 1 << 16);
    this.out = new BufferedWriter(new OutputStreamWriter(toAgent, StandardCharsets.UTF_8), 1 << 14);
    this.onClose = onClose;
    this.listener = listener;
    this.reader = new Thread(this::readLoop, "flightdeck-agent-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** The session's name (host). */
  public String name() {
    return name;
  }

  /**
   * Waits for the agent's hello line.
   *
   * @return the hello fields (agent version, protocol, os, java...)
   * @throws FlightdeckException when it does not come in time or speaks another protocol
   */
  public Map<String, Object> awaitHello(Duration timeout) {
    Map<String, Object> h = await(hello, timeout, "start");
    Object protocol = h.get("protocol");
    if (!(protocol instanceof Number n) || n.intValue() != AgentCodec.PROTOCOL) {
      throw new FlightdeckException(
          "The agent on "
              + name
              + " speaks protocol "
              + protocol
              + ", this app speaks "
              + AgentCodec.PROTOCOL
              + ".",
          "Install the agent that comes with this version of Flightdeck.");
    }
    return h;
  }

  /**
   * Sends a request and waits for its reply.
   *
   * @param op the operation (start, attach, cancel, jobs, ping)
   * @param fields the request's fields besides op and id
   * @return the reply's fields
   * @throws FlightdeckException when the agent refuses (its sentence and hint), the session is
   *     closed, or no reply comes in time
   */
  public Map<String, Object> request(String op, Map<String, ?> fields, Duration timeout) {
    String id = "r" + ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
    pending.put(id, reply);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("op", op);
    message.put("id", id);
    message.putAll(fields);
    try {
      send(message);
      Map<String, Object> r = await(reply, timeout, op);
      if (!Boolean.TRUE.equals(r.get("ok"))) {
        throw new FlightdeckException(
            "The agent on "
                + name
                + " refused '"
                + op
                + "': "
                + r.getOrDefault("error", "no reason given"),
            String.valueOf(r.getOrDefault("hint", "")));
      }
      return r;
    } finally {
      pending.remove(id);
    }
  }

  /** Sends a message that has no reply (ack, bye). */
  public void send(Map<String, ?> message) {
    if (closed) {
      throw new FlightdeckException(
          "The connection to the agent on " + name + " is closed.", "It reconnects by itself.");
    }
    String line = AgentCodec.line(message);
    synchronized (out) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write to the agent on " + name, e);
      }
    }
  }

  /** Acknowledges that every event of a job up to {@code seq} is stored. */
  public void ack(String job, long seq) {
    send(Map.of("op", "ack", "job", job, "seq", seq));
  }

  /** True until the stream ended or the session was closed. */
  public boolean isOpen() {
    return !closed;
  }

  /** Says bye (best effort) and releases the streams; jobs go on. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      send(Map.of("op", "bye"));
    } catch (RuntimeException e) {
      LOG.debug("bye to {} not sent: {}", name, e.toString());
    }
    shutdown(null);
  }

  private void shutdown(Throwable cause) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    FlightdeckException gone =
        new FlightdeckException(
            "The connection to the agent on " + name + " ended.",
            "It reconnects by itself.",
            cause);
    pending.values().forEach(f -> f.completeExceptionally(gone));
    hello.completeExceptionally(gone);
    try {
      out.close();
    } catch (IOException e) {
      LOG.debug("closing agent input on {}: {}", name, e.toString());
    }
    onClose.run();
    listener.onClosed(this, cause);
  }

  private void readLoop() {
    Throwable cause = null;
    try {
      String line;
      while ((line = in.readLine()) != null) {
        handle(line);
      }
    } catch (IOException | RuntimeException e) {
      cause = closed ? null : e;
      if (cause != null) {
        LOG.warn("Agent session {} failed", name, e);
      }
    } finally {
      shutdown(cause);
    }
  }

  private void handle(String line) {
    if (line.isBlank()) {
      return;
    }
    // events (nearly every line) in one streaming pass; the rest, rare, through the generic reader
    try {
      AgentEvent fast = AgentCodec.readEvent(line);
      if (fast != null) {
        listener.onEvent(fast);
        return;
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("Agent {} sent a line that is not JSON, ignored: {}", name, abbreviate(line));
      return;
    }
    Map<String, Object> m;
    try {
      m = AgentCodec.read(line);
    } catch (IllegalArgumentException e) {
      LOG.warn("Agent {} sent a line that is not JSON, ignored: {}", name, abbreviate(line));
      return;
    }
    switch (String.valueOf(m.get("type"))) {
      case "event" -> listener.onEvent(AgentCodec.event(m));
      case "reply" -> {
        CompletableFuture<Map<String, Object>> f = pending.get(String.valueOf(m.get("id")));
        if (f != null) {
          f.complete(m);
        } else if (!Boolean.TRUE.equals(m.get("ok"))) {
          LOG.warn("Agent {} reported: {}", name, m.get("error"));
        }
      }
      case "hello" -> hello.complete(m);
      case "lost" ->
          listener.onLost(
              String.valueOf(m.get("job")),
              m.get("lastSeq") instanceof Number n ? n.longValue() : 0L);
      case "status" ->
          listener.onStatus(
              String.valueOf(m.get("job")),
              String.valueOf(m.get("message")),
              Boolean.TRUE.equals(m.get("waiting")));
      default -> LOG.warn("Agent {} sent an unknown message, ignored: {}", name, abbreviate(line));
    }
  }

  private Map<String, Object> await(
      CompletableFuture<Map<String, Object>> f, Duration timeout, String what) {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new FlightdeckException(
          "The agent on "
              + name
              + " did not answer '"
              + what
              + "' within "
              + timeout.toSeconds()
              + " s.",
          "Check that the host is reachable and not overloaded, then try again.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FlightdeckException fe) {
        throw fe;
      }
      throw new FlightdeckException(
          "The agent on " + name + " failed: " + e.getCause(), "See the log for details.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlightdeckException("Interrupted while waiting for the agent on " + name + ".", "");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
