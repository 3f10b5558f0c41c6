package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real {@code serve} child process driven over its stdin/stdout, for tests. */
final class AgentSession implements AutoCloseable {
  private static final Map<String, Object> EOF = Map.of("type", "eof");
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<Map<String, Object>> incoming = new LinkedBlockingQueue<>();

  /** Every message taken so far, in order. */
  final List<Map<String, Object>> received = new ArrayList<>();

  /** Lines on stdout that were not protocol messages (must stay empty). */
  final List<String> garbage = new ArrayList<>();

  private AgentSession(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  try {
                    incoming.add(AgentCodec.read(line));
                  } catch (IllegalArgumentException e) {
                    synchronized (garbage) {
                      garbage.add(line);
                    }
                  }
                }
              } catch (IOException e) {
                // the process was killed
              }
              incoming.add(EOF);
            },
            "session-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static AgentSession start(Path home) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            AgentMain.class.getName(),
            "serve",
            "--home",
            home.toString());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("serve-stderr.log").toFile()));
    home.toFile().mkdirs();
    return new AgentSession(pb.start());
  }

  long pid() {
    return process.pid();
  }

  void send(Map<String, ?> request) throws IOException {
    sendLine(AgentCodec.line(request));
  }

  void sendLine(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** Takes messages until one matches; fails after {@code timeout}. */
  Map<String, Object> await(Predicate<Map<String, Object>> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Map<String, Object> m = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("Timed out; received so far: " + tail());
      }
      if (m == EOF) {
        incoming.add(EOF);
        throw new AssertionError("The agent closed stdout; received: " + tail());
      }
      received.add(m);
      if (match.test(m)) {
        return m;
      }
    }
  }

  Map<String, Object> reply(String id) throws InterruptedException {
    return await(
        m -> "reply".equals(m.get("type")) && id.equals(m.get("id")), Duration.ofSeconds(60));
  }

  /** Waits for the job's event with {@code kind} (and, for metrics, the value). */
  Map<String, Object> event(String job, Predicate<Map<String, Object>> match)
      throws InterruptedException {
    Predicate<Map<String, Object>> p =
        m -> "event".equals(m.get("type")) && job.equals(m.get("job")) && match.test(m);
    for (Map<String, Object> m : received) {
      if (p.test(m)) {
        return m;
      }
    }
    return await(p, Duration.ofSeconds(60));
  }

  List<Map<String, Object>> events(String job) {
    return received.stream()
        .filter(m -> "event".equals(m.get("type")) && job.equals(m.get("job")))
        .toList();
  }

  /** Kills the serving process, as a dropped connection or a crash would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private List<Map<String, Object>> tail() {
    return received.subList(Math.max(0, received.size() - 10), received.size());
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        sendLine("{\"op\":\"bye\"}");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
