package io.flightdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real serve and supervisor whose agent home is a tiny tmpfs that runs full mid-job. Needs {@code
 * mount} (root, or a container allowed to mount); skipped where it is not permitted.
 */
class DiskFullTest {
  @TempDir Path tmp;
  private Path mnt;
  private boolean mounted;
  private String job;

  @BeforeEach
  void mountTinyTmpfs() throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "needs Linux");
    mnt = Files.createDirectories(tmp.resolve("tiny"));
    mounted = exec("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt.toString()) == 0;
    assumeTrue(mounted, "mounting a tmpfs is not permitted here");
  }

  @AfterEach
  void unmount() throws Exception {
    if (!mounted) {
      return;
    }
    if (job != null) {
      JobDir dir = JobDir.of(mnt.resolve("home"), job);
      dir.supervisor()
          .ifPresent(
              h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
              });
    }
    if (exec("umount", mnt.toString()) != 0) {
      exec("umount", "-l", mnt.toString());
    }
  }

  @Test
  void aJobWhoseDiskRunsFullWaitsSaysWhyAndLosesNoEvent() throws Exception {
    Path home = mnt.resolve("home");
    Path work = Files.createDirectories(tmp.resolve("work"));
    String script =
        "for i in $(seq 1 20); do echo \"##flightdeck metric m $i $i\"; done\n"
            + "while [ ! -f gate ]; do sleep 0.05; done\n"
            + "for i in $(seq 21 3000); do echo \"##flightdeck metric m $i $i\"; done\n";
    job = Jobs.newId();
    try (AgentSession s = AgentSession.start(home)) {
      Map<String, Object> start = new LinkedHashMap<>();
      start.put("op", "start");
      start.put("id", "s");
      start.put("job", job);
      start.put("run", Jobs.newId());
      start.put(
          "spec",
          Map.of(
              "kind",
              "command",
              "argv",
              List.of("sh", "-c", script),
              "workdir",
              work.toString(),
              "systemMetricsSeconds",
              0));
      s.send(start);
      assertThat(s.reply("s")).containsEntry("ok", true);
      s.event(job, e -> "metric".equals(e.get("kind")) && value(e) == 20);

      Path filler = mnt.resolve("filler");
      fill(filler);
      Files.createFile(work.resolve("gate")); // ~400 KB of events that do not fit
      Map<String, Object> waiting =
          s.await(
              m -> "status".equals(m.get("type")) && Boolean.TRUE.equals(m.get("waiting")),
              Duration.ofSeconds(60));
      assertThat(waiting).containsEntry("job", job);
      assertThat((String) waiting.get("message"))
          .startsWith("waiting: the host's disk is full at " + home.resolve("jobs").resolve(job))
          .endsWith("bytes free); the job is paused until space is freed");

      Files.delete(filler); // space is freed
      s.await(
          m -> "status".equals(m.get("type")) && Boolean.FALSE.equals(m.get("waiting")),
          Duration.ofSeconds(60));
      assertThat(s.event(job, e -> "ended".equals(e.get("kind"))))
          .containsEntry("status", "FINISHED");

      List<Map<String, Object>> events = s.events(job);
      for (int i = 0; i < events.size(); i++) {
        assertThat(((Number) events.get(i).get("seq")).longValue()).isEqualTo(i + 1);
      }
      assertThat(
              events.stream()
                  .filter(e -> "metric".equals(e.get("kind")))
                  .map(DiskFullTest::value)
                  .toList())
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 3000).boxed().toList());
      assertThat(s.garbage).isEmpty();
    }
  }

  private static int value(Map<String, Object> e) {
    return ((Number) e.get("value")).intValue();
  }

  /** Writes zeros until the file system has no room left. */
  private static void fill(Path file) throws IOException {
    try (FileChannel c =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int chunk : new int[] {64 * 1024, 4096, 1}) {
        ByteBuffer b = ByteBuffer.allocate(chunk);
        try {
          while (true) {
            b.clear();
            c.write(b);
          }
        } catch (IOException e) {
          // full at this granularity: try a smaller one
        }
      }
    }
    assertThat(Files.getFileStore(file).getUsableSpace()).isZero();
  }

  private static int exec(String... cmd) throws Exception {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1; // no such command
    }
  }
}
