package io.flightdeck.runners.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.hosts.AgentStatus;
import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.runners.agent.LocalAgentConnector;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose {@code nvidia-smi} lists a GPU (a stand-in script on the sshd's PATH: no GPU here)
 * gets the GPU build of the agent when one is shipped, its GPU in Test Connection, and GPU samples
 * in a job's system metrics. The "GPU build" here is the CPU agent with one extra entry (another
 * hash); the real one is {@code mvn -Pgpu-agent} (see docs/hosts.md).
 */
class SshGpuHostTest {
  @TempDir Path dir;

  @Test
  void aHostWithAGpuGetsTheGpuAgentAndReportsItsGpu() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("gpu/bin"));
    Path smi = bin.resolve("nvidia-smi");
    Files.writeString(
        smi,
        "#!/bin/sh\n"
            + "case \"$*\" in\n"
            + "  *-L*) echo 'GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-0000)';;\n"
            + "  *utilization*) echo '37, 1024, 81559';;\n"
            + "  *name,memory.total*) echo 'NVIDIA H100 80GB HBM3, 81559 MiB';;\n"
            + "esac\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    // -Dflightdeck.test.gpu.jar=remote-agents-gpu/target/flightdeck-agent-gpu.jar runs this with
    // the real GPU build (mvn -Pgpu-agent); by default a stand-in with another hash
    String real = System.getProperty("flightdeck.test.gpu.jar", "");
    Path gpuJar = dir.resolve("flightdeck-agent-gpu.jar");
    if (real.isBlank()) {
      Files.copy(SshFleet.AGENT_JAR, gpuJar);
      try (FileSystem zip =
          FileSystems.newFileSystem(URI.create("jar:" + gpuJar.toUri()), Map.of())) {
        Files.writeString(zip.getPath("gpu-build.txt"), "stand-in for the onnxruntime_gpu build\n");
      }
    } else {
      gpuJar = Path.of(real).toAbsolutePath();
    }
    try (Sshd sshd =
            Sshd.start(
                dir.resolve("sshd"),
                "SetEnv HOME=" + dir.resolve("sshd/home") + " PATH=" + bin + ":/usr/bin:/bin");
        LocalWorkspace ws =
            LocalWorkspace.open(dir.resolve("ws"), Clock.systemUTC(), () -> "tester")) {
      SshClients clients = new SshClients(KnownHosts.forWorkspace(ws.dir()), Credentials.NONE);
      SshHostOperations.AgentJar gpu = new SshHostOperations.AgentJar(gpuJar, "test");
      SshHostOperations ops =
          new SshHostOperations(
              clients,
              new SshHostOperations.AgentJar(SshFleet.AGENT_JAR, "test"),
              Optional.of(gpu),
              ws.audit(),
              h -> false);
      HostConfig h =
          HostConfig.of("gpu1", "127.0.0.1", Sshd.user())
              .withPort(sshd.port())
              .withKey(sshd.clientKey().toString());
      ops.acceptIfFingerprint(h, sshd.fingerprint());
      ws.hosts().save(h, false);

      assertThat(ops.test(h).gpus()).containsExactly("NVIDIA H100 80GB HBM3, 81559 MiB");
      List<String> progress = new ArrayList<>();
      AgentStatus s = ops.installAgent(h, progress::add);
      assertThat(progress).anyMatch(l -> l.startsWith("gpu1 has GPUs (GPU 0: NVIDIA H100"));
      assertThat(s.installedSha256()).isEqualTo(gpu.sha256());
      assertThat(s.current()).isTrue();

      // without a GPU build, the host gets the CPU agent and the reason
      SshHostOperations cpuOnly =
          new SshHostOperations(
              clients,
              new SshHostOperations.AgentJar(SshFleet.AGENT_JAR, "test"),
              ws.audit(),
              x -> false);
      List<String> said = new ArrayList<>();
      assertThat(cpuOnly.installAgent(h, said::add).installedSha256()).isNotEqualTo(gpu.sha256());
      assertThat(said).anyMatch(l -> l.contains("ships only the CPU agent"));
      ops.installAgent(h, x -> {});

      ws.datasets().loadSample(ImportProgress.NONE);
      try (Fleet fleet =
          new Fleet(
              ws.tracking(),
              ws.datasets(),
              ws.artifacts(),
              ws.audit(),
              host ->
                  host.equals("local")
                      ? LocalAgentConnector.fromCurrentJvm(ws.dir().resolve("agent"))
                      : new SshAgentConnector(host, () -> ws.hosts().require(host), ops, x -> {}),
              Clock.systemUTC())) {
        JobRecord job =
            fleet.submitTraining(
                new TrainRequest(
                        new DatasetRef(SampleData.DATASET, 1),
                        "weather",
                        List.of(),
                        "logistic",
                        Map.of("epochs", "2"),
                        "gpu",
                        "")
                    .onHost("gpu1"));
        JobRecord done = fleet.awaitEnd(job.jobId(), Duration.ofMinutes(3));
        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
        assertThat(ws.tracking().repository().metricKeys(job.runId()))
            .contains("system/gpu_0_utilization_percentage", "system/gpu_0_memory_usage_megabytes");
        String provider =
            ws.tracking()
                .repository()
                .runRow(job.runId())
                .orElseThrow()
                .tags()
                .get("flightdeck.onnx.provider");
        System.out.println("ONNX check on gpu1 scored on: " + provider);
        assertThat(provider).startsWith("CPU (CUDA provider not available");
        assertThat(
                ws.tracking()
                    .repository()
                    .metricHistory(job.runId(), "system/gpu_0_utilization_percentage")
                    .get(0)
                    .value())
            .isEqualTo(37.0);
      }
    }
  }
}
