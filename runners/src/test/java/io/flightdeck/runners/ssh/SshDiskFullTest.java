package io.flightdeck.runners.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote host's disk fills up while a job spools its events: the job waits and says why, and
 * once space is freed it ends with every event exactly once. The agent's home on the "host" is a 16
 * MiB tmpfs, room for four of its 4 MiB spool segments (needs mount permission; skipped by
 * assumption without it).
 */
class SshDiskFullTest {
  @TempDir Path dir;
  Path mount;

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aFullRemoteDiskPausesTheJobWithAReasonAndLosesNothing() throws Exception {
    try (Sshd sshd = Sshd.start(dir.resolve("sshd"));
        LocalWorkspace ws =
            LocalWorkspace.open(dir.resolve("ws"), Clock.systemUTC(), () -> "tester")) {
      Path home = Files.createDirectories(sshd.home().resolve(".flightdeck/home"));
      int rc =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", home.toString())
              .inheritIO()
              .start()
              .waitFor();
      Assumptions.assumeTrue(rc == 0, "mounting a tmpfs is not permitted here");
      mount = home;
      SshFleet wiring = new SshFleet(ws);
      wiring.addHost("box", sshd);
      String script =
          "i=1; while [ $i -le 30000 ]; do echo \"##flightdeck metric m $i $i\"; if [ $((i % 1000))"
              + " -eq 0 ]; then sleep 0.3; fi; i=$((i+1)); done";
      try (Fleet fleet = wiring.fleet()) {
        JobRecord job =
            fleet.submitCommand(
                new CommandRequest(List.of("sh", "-c", script), dir, Map.of(), "", "disk", "fill")
                    .onHost("box", List.of()));
        while (fleet.job(job.jobId()).orElseThrow().ackedSeq() < 3_000) {
          Thread.sleep(50);
        }
        Path filler = home.resolve("filler.bin");
        fill(filler);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JobRecord waiting = fleet.job(job.jobId()).orElseThrow();
        while (!waiting.message().contains("disk is full") && System.nanoTime() < deadline) {
          Thread.sleep(100);
          waiting = fleet.job(job.jobId()).orElseThrow();
        }
        assertThat(waiting.message()).contains("waiting: the host's disk is full");
        assertThat(waiting.state()).isEqualTo(JobState.RUNNING);
        Files.delete(filler);
        JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(2));
        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
        List<Metric> m = ws.tracking().repository().metricHistory(job.runId(), "m");
        assertThat(m).hasSize(30_000);
        assertThat(m.stream().map(Metric::step).collect(Collectors.toSet())).hasSize(30_000);
      }
    }
  }

  private static void fill(Path filler) {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      // the disk is full now
    }
  }
}
