package io.flightdeck.agent;

import io.flightdeck.core.FlightdeckVersion;
import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.tracking.TrackingNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code serve} session: reads requests from {@code in}, writes replies and events to {@code
 * out} (see {@code docs/agent-protocol.md}). Requests are handled in order on the calling thread;
 * each followed job streams from its own thread. Jobs run in their own supervisor processes and
 * outlive the session.
 */
public final class AgentServer {
  private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);

  private final Path home;
  private final ProtocolOutput out;
  private final SupervisorLauncher launcher;
  private final Map<String, JobFollower> followers = new ConcurrentHashMap<>();

  public AgentServer(Path home, OutputStream stdout) {
    this.home = home;
    this.out = new ProtocolOutput(stdout);
    this.launcher = new SupervisorLauncher();
  }

  /** Runs the session until {@code bye} or end of input; blocking. */
  public void serve(InputStream in) throws IOException {
    Files.createDirectories(home.resolve("jobs"));
    out.send(hello());
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = reader.readLine()) != null && !out.broken()) {
        if (!line.isBlank() && !handle(line)) {
          break;
        }
      }
    } finally {
      followers.values().forEach(JobFollower::stop);
      out.close();
    }
  }

  private Map<String, Object> hello() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "hello");
    m.put("protocol", AgentCodec.PROTOCOL);
    m.put("agent", FlightdeckVersion.version());
    m.put("pid", ProcessHandle.current().pid());
    m.put("os", System.getProperty("os.name"));
    m.put("arch", System.getProperty("os.arch"));
    m.put("java", System.getProperty("java.version"));
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("home", home.toAbsolutePath().toString());
    return m;
  }

  /** Handles one request line; false when the session ends. */
  private boolean handle(String line) {
    Map<String, Object> req;
    try {
      req = AgentCodec.read(line);
    } catch (IllegalArgumentException e) {
      fail(
          null,
          "The request is not a JSON object: " + e.getMessage(),
          "Send one JSON object per line.");
      return true;
    }
    Object id = req.get("id");
    String op = String.valueOf(req.get("op"));
    try {
      switch (op) {
        case "start" -> start(id, req);
        case "attach" -> attach(id, req);
        case "ack" -> ack(id, req);
        case "cancel" -> cancel(id, req);
        case "jobs" -> ok(id, Map.of("jobs", jobs()));
        case "ping" -> ok(id, Map.of());
        case "bye" -> {
          return false;
        }
        default ->
            fail(
                id,
                "Unknown op '" + op + "'.",
                "Use start, attach, ack, cancel, jobs, ping or bye.");
      }
    } catch (FlightdeckException e) {
      fail(id, e.getMessage(), e.hint());
    } catch (IllegalArgumentException e) {
      fail(id, e.getMessage() + ".", "See docs/agent-protocol.md.");
    } catch (IOException | RuntimeException e) {
      LOG.warn("Request failed: " + line, e);
      fail(
          id,
          "The agent could not do '" + op + "': " + e + ".",
          "See the agent's stderr (for the local agent: " + home.resolve("serve.err") + ").");
    }
    return true;
  }

  private void start(Object id, Map<String, Object> req) throws IOException {
    JobDir dir = JobDir.of(home, String.valueOf(req.get("job")));
    String run = TrackingNames.runId(String.valueOf(req.get("run")));
    Object specValue = req.get("spec");
    Map<String, Object> spec =
        specValue instanceof String s ? Json.readObject(s) : castMap(specValue, "spec");
    JobSpec.parse(spec);
    try {
      Files.createDirectories(dir.dir().getParent());
      Files.createDirectory(dir.dir());
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new FlightdeckException(
          "Job " + dir.job() + " already exists on this agent.",
          "Attach to it instead of starting it again.");
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("job", dir.job());
    request.put("run", run);
    request.put("spec", spec);
    io.flightdeck.core.io.AtomicFiles.writeString(dir.request(), Json.write(request));
    Process p = launcher.launch(dir);
    JobFollower f = follow(dir, 1);
    f.beforeStreaming(
        () -> {
          try {
            long pid = launcher.awaitPid(dir, p);
            ok(id, Map.of("pid", pid));
            return true;
          } catch (FlightdeckException e) {
            fail(id, e.getMessage(), e.hint());
            return false;
          }
        });
    f.start();
  }

  private void attach(Object id, Map<String, Object> req) throws IOException {
    JobDir dir = existing(req);
    long from = req.get("from") instanceof Number n ? n.longValue() : 1;
    JobDir.Status st = dir.status();
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("state", st.state());
    reply.put("lastSeq", st.tail().lastSeq());
    reply.put("ackedSeq", dir.acked());
    ok(id, reply);
    follow(dir, from).start();
  }

  private void ack(Object id, Map<String, Object> req) throws IOException {
    JobDir dir = existing(req);
    if (!(req.get("seq") instanceof Number n)) {
      throw new IllegalArgumentException("ack needs a numeric 'seq'");
    }
    dir.ack(n.longValue());
  }

  private void cancel(Object id, Map<String, Object> req) throws IOException {
    JobDir dir = existing(req);
    JobDir.Status st = dir.status();
    if (!st.state().equals("RUNNING")) {
      throw new FlightdeckException(
          "Job " + dir.job() + " is not running (" + st.state() + ").", "Nothing to cancel.");
    }
    try {
      // an empty file: it needs no data block, so a cancel works on a full disk too
      Files.createFile(dir.cancelFile());
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // cancelled before: the supervisor is on it
    }
    ok(id, Map.of());
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(ProcessTrees.GRACE.toMillis() + 10_000);
                // a supervisor that waits for disk space to write `ended` is not stuck: killing
                // it would lose the events it holds
                if (!dir.tail().ended() && SpoolState.read(dir.spoolStateFile()).isEmpty()) {
                  dir.supervisor().ifPresent(h -> ProcessTrees.kill(h, true));
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                LOG.warn("Cancel watchdog for job " + dir.job(), e);
              }
            },
            "cancel-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private List<Map<String, Object>> jobs() throws IOException {
    List<Map<String, Object>> list = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(home.resolve("jobs"))) {
      for (Path p : dirs.sorted().toList()) {
        JobDir dir = new JobDir(p);
        JobDir.Status st = dir.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", dir.job());
        m.put("state", st.state());
        m.put("lastSeq", st.tail().lastSeq());
        m.put("ackedSeq", dir.acked());
        list.add(m);
      }
    }
    return list;
  }

  private JobDir existing(Map<String, Object> req) {
    JobDir dir = JobDir.of(home, String.valueOf(req.get("job")));
    if (!Files.isDirectory(dir.dir())) {
      throw new FlightdeckException(
          "There is no job " + dir.job() + " on this agent.", "Check the job id, or start it.");
    }
    return dir;
  }

  private JobFollower follow(JobDir dir, long from) {
    JobFollower f = new JobFollower(dir, from, out);
    JobFollower old = followers.put(dir.job(), f);
    if (old != null) {
      old.stop();
    }
    return f;
  }

  private void ok(Object id, Map<String, ?> fields) {
    Map<String, Object> m = new LinkedHashMap<>(fields);
    m.put("type", "reply");
    m.put("id", id);
    m.put("ok", true);
    out.send(m);
  }

  private void fail(Object id, String error, String hint) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "reply");
    m.put("id", id);
    m.put("ok", false);
    m.put("error", error);
    m.put("hint", hint);
    out.send(m);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object v, String field) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("'" + field + "' must be a JSON object");
  }
}
