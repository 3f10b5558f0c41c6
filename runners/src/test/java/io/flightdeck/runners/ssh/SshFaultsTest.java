package io.flightdeck.runners.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the way to a real OpenSSH server: connections cut mid-stream, the app restarted
 * mid-job, and every way a host can refuse (changed key, wrong key, closed port, unknown name, no
 * Java). Each ends with exactly the events the job emitted, or a clear message and nothing stored.
 */
class SshFaultsTest {
  @TempDir Path dir;
  Sshd sshd;
  LocalWorkspace ws;
  SshFleet wiring;
  HostConfig host;

  @BeforeEach
  void start() throws Exception {
    sshd = Sshd.start(dir.resolve("sshd"));
    ws = LocalWorkspace.open(dir.resolve("ws"), Clock.systemUTC(), () -> "tester");
    wiring = new SshFleet(ws);
    host = wiring.addHost("box", sshd);
  }

  @AfterEach
  void stop() {
    ws.close();
    sshd.close();
  }

  private TrackingRepository repo() {
    return ws.tracking().repository();
  }

  /** A command printing {@code n} metrics, pausing every {@code every} lines. */
  private static CommandRequest emitter(Path work, int n, int every, double pause) {
    String script =
        "i=1; while [ $i -le "
            + n
            + " ]; do echo \"##flightdeck metric m $i $i\"; if [ $((i % "
            + every
            + ")) -eq 0 ]; then sleep "
            + pause
            + "; fi; i=$((i+1)); done; echo finished";
    return new CommandRequest(List.of("sh", "-c", script), work, Map.of(), "", "faults", "emit")
        .onHost("box", List.of());
  }

  @Test
  void cuttingTheConnectionSeveralTimesLosesAndDoublesNothing() throws Exception {
    try (Fleet fleet = wiring.fleet()) {
      JobRecord job = fleet.submitCommand(emitter(dir, 100_000, 2_500, 0.5));
      int cuts = 0;
      long lastSeen = -1;
      while (cuts < 4) {
        JobRecord j = fleet.job(job.jobId()).orElseThrow();
        assertThat(j.state().terminal()).as("the job must outlive the cuts").isFalse();
        if (j.ackedSeq() > lastSeen + 2_000 && sshd.killSessions() > 0) {
          // events were flowing over a live connection: it was just cut (its sshd processes
          // died); events stored after this came over a new one
          cuts++;
          lastSeen = j.ackedSeq();
        }
        Thread.sleep(100);
      }
      JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(3));
      assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
      List<Metric> m = repo().metricHistory(job.runId(), "m");
      assertThat(m).hasSize(100_000);
      assertThat(m.stream().map(Metric::step).collect(Collectors.toSet())).hasSize(100_000);
      assertThat(m.stream().mapToDouble(Metric::value).sum()).isEqualTo(100_000.0 * 100_001 / 2);
    }
  }

  @Test
  void aRestartedAppReattachesToTheRemoteJob() throws Exception {
    JobRecord job;
    try (Fleet fleet = wiring.fleet()) {
      job = fleet.submitCommand(emitter(dir, 20_000, 2_000, 0.5));
      while (fleet.job(job.jobId()).orElseThrow().ackedSeq() < 1_000) {
        Thread.sleep(50);
      }
    } // the app goes away; the job goes on on the host
    Thread.sleep(1_500);
    assertThat(repo().job(job.jobId()).orElseThrow().state().terminal()).isFalse();
    try (Fleet fleet = wiring.fleet()) {
      fleet.reattach();
      JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(2));
      assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
    }
    assertThat(repo().metricHistory(job.runId(), "m")).hasSize(20_000);
  }

  @Test
  void anUnreachableHostIsRetriedAndTheJobSaysWhy() throws Exception {
    JobRecord job;
    try (Fleet fleet = wiring.fleet()) {
      job = fleet.submitCommand(emitter(dir, 6_000, 1_000, 0.5));
      while (fleet.job(job.jobId()).orElseThrow().ackedSeq() < 500) {
        Thread.sleep(50);
      }
    }
    sshd.stopProcess();
    try (Fleet fleet = wiring.fleet()) {
      fleet.reattach();
      JobRecord waiting = fleet.job(job.jobId()).orElseThrow();
      assertThat(waiting.message())
          .contains("waiting: box unreachable since")
          .contains("connection refused");
      sshd.restart();
      JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(2));
      assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
    }
    assertThat(repo().metricHistory(job.runId(), "m")).hasSize(6_000);
  }

  @Test
  void aChangedHostKeyIsRefusedAndNothingConnects() throws Exception {
    sshd.changeHostKey();
    assertThatThrownBy(() -> wiring.ops.test(host))
        .isInstanceOf(HostKeyException.class)
        .hasMessageContaining("has CHANGED")
        .hasMessageContaining(sshd.fingerprint())
        .hasMessageContaining("No connection was made");
    assertThat(wiring.ops.offeredKey(host)).get().matches(o -> o.changed());
    assertThatThrownBy(() -> wiring.ops.acceptKey(host, wiring.ops.offeredKey(host).orElseThrow()))
        .satisfies(
            e ->
                assertThat(((io.flightdeck.core.error.FlightdeckException) e).hint())
                    .contains("never accepted"));
    int runsBefore = repo().runRows(null).size();
    try (Fleet fleet = wiring.fleet()) {
      assertThatThrownBy(() -> fleet.submitCommand(emitter(dir, 10, 10, 0)))
          .hasMessageContaining("has CHANGED");
    }
    assertThat(repo().runRows(null)).hasSize(runsBefore);
  }

  @Test
  void aWrongKeyAClosedPortAndAnUnknownNameEachSayWhatToDo() throws Exception {
    Path other = dir.resolve("other_key");
    Sshd.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
    assertThatThrownBy(() -> wiring.ops.test(host.withKey(other.toString())))
        .hasMessageContaining("refused the key " + other)
        .satisfies(
            e ->
                assertThat(((io.flightdeck.core.error.FlightdeckException) e).hint())
                    .contains("authorized_keys"));
    assertThatThrownBy(() -> wiring.ops.test(host.withKey(dir.resolve("nope").toString())))
        .hasMessageContaining("does not exist");
    int closed = Sshd.freePort();
    assertThatThrownBy(() -> wiring.ops.offeredKey(host.withPort(closed)))
        .hasMessageContaining("connection refused")
        .hasMessageContaining("127.0.0.1:" + closed);
    HostConfig nowhere =
        new HostConfig(
            "nowhere",
            "no-such-host.invalid",
            22,
            "me",
            host.auth(),
            host.keyFile(),
            2,
            "java",
            host.created(),
            host.updated());
    assertThatThrownBy(() -> wiring.ops.offeredKey(nowhere))
        .hasMessageContaining("does not resolve");
  }

  @Test
  void aHostWithoutJava17IsRefusedWithHowToFixIt() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("java11/bin"));
    Path fake = bin.resolve("java");
    Files.writeString(
        fake, "#!/bin/sh\necho 'openjdk version \"11.0.21\" 2023-10-17' >&2\nexit 0\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Sshd old =
        Sshd.start(
            dir.resolve("sshd-old"),
            "SetEnv HOME=" + dir.resolve("sshd-old/home") + " PATH=" + bin + ":/usr/bin:/bin");
    try {
      HostConfig h = wiring.addHost("old", old);
      assertThat(wiring.ops.test(h).javaMajor()).isEqualTo(11);
      assertThatThrownBy(() -> wiring.ops.installAgent(h, s -> {}))
          .hasMessageContaining("has Java 11")
          .hasMessageContaining("needs Java 17 or newer")
          .satisfies(
              e ->
                  assertThat(((io.flightdeck.core.error.FlightdeckException) e).hint())
                      .contains("openjdk-17-jre-headless"));
      ws.datasets().loadSample(ImportProgress.NONE);
      int runsBefore = repo().runRows(null).size();
      try (Fleet fleet = wiring.fleet()) {
        assertThatThrownBy(
                () ->
                    fleet.submitTraining(
                        new TrainRequest(
                                new DatasetRef(SampleData.DATASET, 1),
                                "weather",
                                List.of(),
                                "logistic",
                                Map.of(),
                                "x",
                                "")
                            .onHost("old")))
            .hasMessageContaining("has Java 11");
      }
      assertThat(repo().runRows(null)).hasSize(runsBefore);
      HostConfig none = h.withJava(dir.resolve("no/java").toString());
      assertThatThrownBy(() -> wiring.ops.installAgent(none, s -> {}))
          .hasMessageContaining("has no Java");
    } finally {
      old.close();
    }
  }
}
