package io.flightdeck.agent;

import io.flightdeck.core.agent.AgentCodec;
import io.flightdeck.core.agent.AgentEvent;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test helpers: run a job spec through a real supervisor in this JVM and read its spool. */
final class Jobs {
  private Jobs() {}

  static String newId() {
    return String.format(
        "%016x%016x",
        ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
  }

  /** Runs {@code spec} as job under {@code home} with {@link Supervisor}; returns its events. */
  static List<AgentEvent> supervise(Path home, Map<String, Object> spec) throws IOException {
    JobDir dir = JobDir.of(home, newId());
    java.nio.file.Files.createDirectories(dir.dir());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("job", dir.job());
    request.put("run", newId());
    request.put("spec", spec);
    AtomicFiles.writeString(dir.request(), Json.write(request));
    new Supervisor(dir).run();
    return read(dir, 1);
  }

  /** Every event in the spool from seq {@code from}. */
  static List<AgentEvent> read(JobDir dir, long from) throws IOException {
    List<AgentEvent> out = new ArrayList<>();
    try (SpoolReader r = new SpoolReader(dir, from)) {
      byte[] b;
      while ((b = r.read()).length > 0) {
        for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
          out.add(AgentCodec.event(AgentCodec.read(line)));
        }
      }
    }
    return out;
  }

  static List<AgentEvent> kind(List<AgentEvent> events, String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  /** The metrics the job reported, without the supervisor's {@code system/} host metrics. */
  static List<AgentEvent> jobMetrics(List<AgentEvent> events) {
    return kind(events, "metric").stream()
        .filter(e -> !e.text("key", "").startsWith("system/"))
        .toList();
  }

  static AgentEvent ended(List<AgentEvent> events) {
    return events.get(events.size() - 1);
  }
}
