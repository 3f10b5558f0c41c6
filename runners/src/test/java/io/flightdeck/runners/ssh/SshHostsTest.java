package io.flightdeck.runners.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.hosts.AgentStatus;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostFacts;
import io.flightdeck.core.hosts.KeyOffer;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host reached over a real OpenSSH server on 127.0.0.1: add it by fingerprint, test it, install
 * the agent, train and run commands there with live metrics, fetch artifacts, cancel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshHostsTest {
  @TempDir static Path dir;
  Sshd sshd;
  LocalWorkspace ws;
  SshFleet wiring;
  HostConfig host;
  Fleet fleet;

  @BeforeAll
  void start() throws Exception {
    sshd = Sshd.start(dir.resolve("sshd"));
    ws = LocalWorkspace.open(dir.resolve("ws"), Clock.systemUTC(), () -> "tester");
    wiring = new SshFleet(ws);
  }

  @AfterAll
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    ws.close();
    sshd.close();
  }

  private TrackingRepository repo() {
    return ws.tracking().repository();
  }

  @Test
  @Order(1)
  void anUnknownKeyIsShownWithItsFingerprintAndStoredOnlyWhenAccepted() throws Exception {
    HostConfig h =
        HostConfig.of("box1", "127.0.0.1", Sshd.user())
            .withPort(sshd.port())
            .withKey(sshd.clientKey().toString());
    Optional<KeyOffer> offer = wiring.ops.offeredKey(h);
    assertThat(offer).isPresent();
    assertThat(offer.get().changed()).isFalse();
    assertThat(offer.get().fingerprint()).isEqualTo(sshd.fingerprint());
    assertThat(offer.get().keyType()).isEqualTo("ssh-ed25519");
    // no connection is possible before the key is accepted
    assertThatThrownBy(() -> wiring.ops.test(h))
        .isInstanceOf(HostKeyException.class)
        .hasMessageContaining("not known yet")
        .hasMessageContaining(sshd.fingerprint());
    assertThat(Files.exists(wiring.ops.connectKnownHostsFile())).isFalse();

    assertThatThrownBy(
            () ->
                wiring.ops.acceptIfFingerprint(
                    h, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .hasMessageContaining("not the expected")
        .hasMessageContaining("Nothing was stored");
    assertThat(Files.exists(wiring.ops.connectKnownHostsFile())).isFalse();

    wiring.ops.acceptIfFingerprint(h, sshd.fingerprint());
    assertThat(wiring.ops.offeredKey(h)).isEmpty();
    assertThat(Files.readString(wiring.ops.connectKnownHostsFile()))
        .startsWith("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 ");
    host = ws.hosts().save(h, false);
    assertThat(ws.audit().list(AuditQuery.all()))
        .extracting(e -> e.action())
        .contains("host.key.accepted", "host.added");
  }

  @Test
  @Order(2)
  void testConnectionReportsTheHost() {
    HostFacts f = wiring.ops.test(host);
    assertThat(f.os()).startsWith("Linux");
    assertThat(f.arch()).isNotBlank();
    assertThat(f.cpus()).isPositive();
    assertThat(f.memTotalBytes()).isPositive();
    assertThat(f.diskFreeBytes()).isPositive();
    assertThat(f.javaMajor()).isGreaterThanOrEqualTo(17);
    assertThat(f.agentVersion()).isEmpty();
    assertThat(f.lines()).anyMatch(l -> l.startsWith("GPUs: "));
  }

  @Test
  @Order(3)
  void theAgentIsUploadedOnceByHashAndCheckedOnTheHost() throws Exception {
    List<String> progress = new ArrayList<>();
    AgentStatus s = wiring.ops.installAgent(host, progress::add);
    assertThat(s.installed()).isTrue();
    assertThat(s.current()).isTrue();
    assertThat(s.installedVersion()).contains("0.1.0");
    assertThat(progress).anyMatch(l -> l.startsWith("uploaded the agent"));
    String sha = s.installedSha256();
    Path remoteJar = Path.of(s.path());
    assertThat(remoteJar.getParent().getFileName().toString()).isEqualTo(sha);
    assertThat(Files.size(remoteJar)).isEqualTo(Files.size(SshFleet.AGENT_JAR));

    progress.clear();
    AgentStatus again = wiring.ops.installAgent(host, progress::add);
    assertThat(again.installedSha256()).isEqualTo(sha);
    assertThat(progress).noneMatch(l -> l.contains("upload"));
    assertThat(wiring.ops.test(host).agentVersion()).contains("0.1.0");
  }

  @Test
  @Order(4)
  void trainsOnTheHostWithLiveMetricsAndFetchesTheModel() throws Exception {
    ws.datasets().loadSample(ImportProgress.NONE);
    fleet = wiring.fleet();
    List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    fleet.addListener(u -> seen.add(u.storedSeq()));
    JobRecord job =
        fleet.submitTraining(
            new TrainRequest(
                    new DatasetRef(SampleData.DATASET, 1),
                    "weather",
                    List.of(),
                    "logistic",
                    Map.of("epochs", "4"),
                    "remote",
                    "")
                .onHost("box1"));
    assertThat(job.host()).isEqualTo("box1");
    JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(3));
    assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
    assertThat(seen).as("updates arrived while it ran").hasSizeGreaterThan(1);
    assertThat(repo().run(job.runId()).orElseThrow().host()).isEqualTo("box1");
    assertThat(repo().metricHistory(job.runId(), "train/loss")).hasSize(4);
    // the ONNX check scored on the host: the provider is reported (no CUDA here, and why)
    assertThat(repo().runRow(job.runId()).orElseThrow().tags().get("flightdeck.onnx.provider"))
        .startsWith("CPU (CUDA provider not available");
    // the host's own load during the job, sampled by the agent on the host
    assertThat(repo().metricKeys(job.runId()))
        .contains("system/cpu_utilization_percentage", "system/system_memory_usage_megabytes");
    assertThat(repo().metricHistory(job.runId(), "onnx/max_abs_diff").get(0).value())
        .isLessThan(1e-4);
    RunArtifact onnx =
        repo().artifacts(job.runId()).stream()
            .filter(a -> a.path().equals("model/model.onnx"))
            .findFirst()
            .orElseThrow();
    try (InputStream in = ws.artifacts().openVerified(onnx.sha256())) {
      assertThat(in.readAllBytes()).hasSize((int) onnx.size());
    }
    // the dataset went once into the host's hash-named cache
    String sha = ws.datasets().version(new DatasetRef(SampleData.DATASET, 1)).dataSha256();
    Path cached = sshd.home().resolve(".flightdeck/home/data/" + sha + ".csv");
    assertThat(cached).exists();
    assertThat(wiring.status).anyMatch(l -> l.startsWith("uploaded dataset"));
    int uploads =
        (int) wiring.status.stream().filter(l -> l.startsWith("uploaded dataset")).count();
    JobRecord second =
        fleet.submitTraining(
            new TrainRequest(
                    new DatasetRef(SampleData.DATASET, 1),
                    "weather",
                    List.of(),
                    "logistic",
                    Map.of("epochs", "2"),
                    "remote",
                    "")
                .onHost("box1"));
    assertThat(fleet.awaitEnd(second.jobId(), Duration.ofMinutes(3)).state())
        .isEqualTo(JobState.SUCCEEDED);
    assertThat(wiring.status.stream().filter(l -> l.startsWith("uploaded dataset")).count())
        .as("no second upload")
        .isEqualTo(uploads);
  }

  @Test
  @Order(5)
  void runsACommandWithUploadedFilesAndFetchesItsArtifacts() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.writeString(
        work.resolve("train.sh"),
        "#!/bin/sh\n"
            + "mkdir -p out\n"
            + "for i in 1 2 3 4 5; do echo \"##flightdeck metric loss $(expr 10 - $i) $i\"; done\n"
            + "echo \"##flightdeck param lr 0.1\"\n"
            + "cat data/input.txt > out/result.txt\n"
            + "echo done\n");
    Files.createDirectories(work.resolve("data"));
    Files.writeString(work.resolve("data/input.txt"), "hello from the workstation\n");
    Files.writeString(work.resolve("secret.txt"), "not uploaded");
    JobRecord job =
        fleet.submitCommand(
            new CommandRequest(List.of("sh", "train.sh"), work, Map.of(), "out", "remote", "cmd")
                .onHost("box1", List.of("train.sh", "data/input.txt")));
    JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(2));
    assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
    assertThat(repo().metricHistory(job.runId(), "loss"))
        .extracting(Metric::value)
        .containsExactly(9.0, 8.0, 7.0, 6.0, 5.0);
    RunArtifact art =
        repo().artifacts(job.runId()).stream()
            .filter(a -> a.path().equals("result.txt") || a.path().endsWith("result.txt"))
            .findFirst()
            .orElseThrow();
    try (InputStream in = ws.artifacts().openVerified(art.sha256())) {
      assertThat(new String(in.readAllBytes())).isEqualTo("hello from the workstation\n");
    }
    String spec = done.specJson();
    assertThat(spec).contains("/.flightdeck/home/work/");
    assertThat(spec).doesNotContain(work.toString());

    assertThatThrownBy(
            () ->
                fleet.submitCommand(
                    new CommandRequest(List.of("sh", "x.sh"), work, Map.of(), "", "remote", "")
                        .onHost("box1", List.of("../etc/passwd"))))
        .hasMessageContaining("not a file inside the working folder");
  }

  @Test
  @Order(6)
  void cancelKillsTheRemoteProcessTree() throws Exception {
    // a sleep no other process on this machine runs, so that it can be told apart
    String nap = "sleep " + (1000 + new java.util.Random().nextInt(8000_000));
    JobRecord job =
        fleet.submitCommand(
            new CommandRequest(
                    List.of("sh", "-c", "echo started; " + nap + " & wait"),
                    dir,
                    Map.of(),
                    "",
                    "remote",
                    "sleeper")
                .onHost("box1", List.of()));
    assertThat(waitFor(() -> running(nap), Duration.ofSeconds(60)))
        .as("the job's child runs on the host")
        .isTrue();
    fleet.cancel(job.jobId());
    JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(1));
    assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    assertThat(repo().run(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.KILLED);
    assertThat(waitFor(() -> !running(nap), Duration.ofSeconds(15)))
        .as("the whole process tree is gone")
        .isTrue();
  }

  private static boolean running(String commandLine) {
    return ProcessHandle.allProcesses()
        .anyMatch(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.equals(commandLine) || c.endsWith("/" + commandLine))
                    .orElse(false));
  }

  private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
