package io.flightdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as the app sees it: real serve and supervisor processes over pipes. */
class ServeTest {
  @TempDir Path tmp;

  private static Map<String, Object> start(String id, String job, List<String> argv, Path workdir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", "start");
    m.put("id", id);
    m.put("job", job);
    m.put("run", Jobs.newId());
    m.put("spec", Map.of("kind", "command", "argv", argv, "workdir", workdir.toString()));
    return m;
  }

  private static boolean metric(Map<String, Object> e, int value) {
    return "metric".equals(e.get("kind"))
        && "m".equals(e.get("key"))
        && ((Number) e.get("value")).intValue() == value;
  }

  private static long seq(Map<String, Object> e) {
    return ((Number) e.get("seq")).longValue();
  }

  @Test
  void eventsSurviveReconnectsAndAKilledServerExactlyOnce() throws Exception {
    Path home = tmp.resolve("home");
    Path work = Files.createDirectories(tmp.resolve("work"));
    // three phases of ten metrics; the test opens each gate
    String script =
        "for i in $(seq 1 10); do echo \"##flightdeck metric m $i $i\"; done\n"
            + "while [ ! -f gate1 ]; do sleep 0.05; done\n"
            + "for i in $(seq 11 20); do echo \"##flightdeck metric m $i $i\"; done\n"
            + "while [ ! -f gate2 ]; do sleep 0.05; done\n"
            + "for i in $(seq 21 30); do echo \"##flightdeck metric m $i $i\"; done\n";
    String job = Jobs.newId();
    List<Map<String, Object>> delivered = new ArrayList<>();
    long acked;
    try (AgentSession s1 = AgentSession.start(home)) {
      assertThat(s1.await(m -> "hello".equals(m.get("type")), Duration.ofSeconds(60)))
          .containsEntry("protocol", 1);
      s1.send(start("s", job, List.of("sh", "-c", script), work));
      assertThat(s1.reply("s")).containsEntry("ok", true).containsKey("pid");
      s1.event(job, e -> metric(e, 10));
      List<Map<String, Object>> got = s1.events(job);
      acked = seq(got.stream().filter(e -> metric(e, 5)).findFirst().orElseThrow());
      s1.send(Map.of("op", "ack", "job", job, "seq", acked));
      delivered.addAll(got.stream().filter(e -> seq(e) <= acked).toList());
      s1.send(Map.of("op", "ping", "id", "p"));
      s1.reply("p");
      assertThat(s1.garbage).isEmpty();
    }

    AgentSession s2 = AgentSession.start(home);
    s2.send(Map.of("op", "attach", "id", "a", "job", job, "from", acked + 1));
    Map<String, Object> reply = s2.reply("a");
    assertThat(reply)
        .containsEntry("ok", true)
        .containsEntry("state", "RUNNING")
        .containsEntry("ackedSeq", (int) acked);
    s2.event(job, e -> metric(e, 10));
    Files.createFile(work.resolve("gate1"));
    s2.event(job, e -> metric(e, 20));
    s2.kill(); // the job goes on without any server
    delivered.addAll(s2.events(job));
    assertThat(s2.events(job).get(0)).satisfies(e -> assertThat(seq(e)).isEqualTo(acked + 1));
    Files.createFile(work.resolve("gate2"));

    long stored = seq(delivered.get(delivered.size() - 1));
    try (AgentSession s3 = AgentSession.start(home)) {
      s3.send(Map.of("op", "attach", "id", "a", "job", job, "from", stored + 1));
      s3.reply("a");
      Map<String, Object> ended = s3.event(job, e -> "ended".equals(e.get("kind")));
      assertThat(ended).containsEntry("status", "FINISHED");
      delivered.addAll(s3.events(job));
      s3.send(Map.of("op", "jobs", "id", "j"));
      assertThat(String.valueOf(s3.reply("j").get("jobs"))).contains("state=ENDED");
    }

    for (int i = 0; i < delivered.size(); i++) {
      assertThat(seq(delivered.get(i))).isEqualTo(i + 1);
    }
    assertThat(
            delivered.stream()
                .filter(e -> "metric".equals(e.get("kind")) && "m".equals(e.get("key"))))
        .extracting(e -> ((Number) e.get("value")).intValue())
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
    assertThat(delivered.get(delivered.size() - 1)).containsEntry("kind", "ended");
  }

  @Test
  void cancelEndsTheWholeProcessTree() throws Exception {
    Path home = tmp.resolve("home");
    String job = Jobs.newId();
    try (AgentSession s = AgentSession.start(home)) {
      s.send(start("s", job, List.of("sh", "-c", "sleep 300 & echo \"child $!\"; wait"), tmp));
      s.reply("s");
      Map<String, Object> log =
          s.event(job, e -> String.valueOf(e.get("text")).startsWith("child "));
      long grandchild = Long.parseLong(String.valueOf(log.get("text")).substring(6).trim());
      assertThat(ProcessHandle.of(grandchild)).isPresent();

      s.send(Map.of("op", "cancel", "id", "c", "job", job));
      assertThat(s.reply("c")).containsEntry("ok", true);
      Map<String, Object> ended = s.event(job, e -> "ended".equals(e.get("kind")));
      assertThat(ended).containsEntry("status", "KILLED");
      assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false)).isFalse();

      s.send(Map.of("op", "cancel", "id", "c2", "job", job));
      assertThat(s.reply("c2")).containsEntry("ok", false);
    }
  }

  @Test
  void badRequestsGetAnErrorReplyAndTheSessionGoesOn() throws Exception {
    try (AgentSession s = AgentSession.start(tmp.resolve("home"))) {
      s.sendLine("this is not json");
      Map<String, Object> r = s.await(m -> "reply".equals(m.get("type")), Duration.ofSeconds(60));
      assertThat(r).containsEntry("ok", false);
      assertThat(String.valueOf(r.get("error"))).contains("not a JSON object");

      s.send(Map.of("op", "launch", "id", "x"));
      assertThat(s.reply("x")).containsEntry("ok", false);
      s.send(Map.of("op", "attach", "id", "y", "job", "../../etc"));
      assertThat(s.reply("y")).containsEntry("ok", false);
      s.send(
          Map.of(
              "op",
              "start",
              "id",
              "z",
              "job",
              Jobs.newId(),
              "run",
              Jobs.newId(),
              "spec",
              Map.of("kind", "command")));
      assertThat(String.valueOf(s.reply("z").get("error"))).contains("argv");

      s.send(Map.of("op", "ping", "id", "p"));
      assertThat(s.reply("p")).containsEntry("ok", true);
      assertThat(s.garbage).isEmpty();
    }
  }

  @Test
  void twoJobsRunAtOnce() throws Exception {
    String a = Jobs.newId();
    String b = Jobs.newId();
    try (AgentSession s = AgentSession.start(tmp.resolve("home"))) {
      s.send(start("a", a, List.of("sh", "-c", "sleep 1; echo '##flightdeck metric m 1'"), tmp));
      s.send(start("b", b, List.of("sh", "-c", "sleep 1; echo '##flightdeck metric m 2'"), tmp));
      s.event(a, e -> "ended".equals(e.get("kind")));
      s.event(b, e -> "ended".equals(e.get("kind")));
      assertThat(s.events(a)).anyMatch(e -> metric(e, 1));
      assertThat(s.events(b)).anyMatch(e -> metric(e, 2));
      long startedA =
          s.events(a).stream()
              .filter(e -> "started".equals(e.get("kind")))
              .mapToLong(e -> ((Number) e.get("ts")).longValue())
              .findFirst()
              .orElseThrow();
      long endedB =
          s.events(b).stream()
              .filter(e -> "ended".equals(e.get("kind")))
              .mapToLong(e -> ((Number) e.get("ts")).longValue())
              .findFirst()
              .orElseThrow();
      assertThat(startedA).isLessThan(endedB);
    }
  }

  @Test
  void aJobWhoseSupervisorDiedIsLostAfterItsEventsAreDrained() throws Exception {
    Path home = tmp.resolve("home");
    String job = Jobs.newId();
    try (AgentSession s = AgentSession.start(home)) {
      s.send(
          start("s", job, List.of("sh", "-c", "echo '##flightdeck metric m 1'; sleep 300"), tmp));
      long pid = ((Number) s.reply("s").get("pid")).longValue();
      s.event(job, e -> metric(e, 1));
      ProcessHandle supervisor = ProcessHandle.of(pid).orElseThrow();
      List<ProcessHandle> tree = supervisor.descendants().toList();
      supervisor.destroyForcibly();
      tree.forEach(ProcessHandle::destroyForcibly);
      Map<String, Object> lost = s.await(m -> "lost".equals(m.get("type")), Duration.ofSeconds(60));
      assertThat(lost).containsEntry("job", job);
    }
    try (AgentSession s = AgentSession.start(home)) {
      s.send(Map.of("op", "attach", "id", "a", "job", job, "from", 1));
      Map<String, Object> reply = s.reply("a");
      assertThat(reply).containsEntry("state", "LOST");
      long last = ((Number) reply.get("lastSeq")).longValue();
      s.await(m -> "lost".equals(m.get("type")), Duration.ofSeconds(60));
      assertThat(s.events(job)).hasSize((int) last);
      assertThat(s.events(job)).noneMatch(e -> "ended".equals(e.get("kind")));
    }
  }
}
