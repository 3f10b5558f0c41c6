package io.flightdeck.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flightdeck.core.agent.AgentEvent;
import io.flightdeck.core.error.FlightdeckException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSamplerTest {
  private static final String STAT_BEFORE =
      "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\nintr 12 3\nctxt 99\n";
  private static final String STAT_AFTER =
      "cpu  160 0 70 900 70 0 0 0 0 0\ncpu0 80 0 35 450 35 0 0 0 0 0\nintr 14 3\nctxt 120\n";
  private static final String MEMINFO =
      "MemTotal:       16384000 kB\nMemFree:         1000000 kB\n"
          + "MemAvailable:    4096000 kB\nBuffers:          100000 kB\nCached:          2000000 kB\n"
          + "HugePages_Total:       0\n";
  private static final String NVIDIA_SMI = "45, 1024, 16384\n[N/A], 3, 81559\n";

  @TempDir Path tmp;

  /** Events recorded in memory. */
  private static final class Recorded implements Events {
    final List<Map<String, Object>> metrics = new ArrayList<>();

    @Override
    public synchronized void emit(String kind, Map<String, Object> fields) {
      assertThat(kind).isEqualTo("metric");
      metrics.add(Map.copyOf(fields));
    }

    synchronized Map<String, Object> get(long step, String key) {
      return metrics.stream()
          .filter(m -> m.get("key").equals(key) && ((Number) m.get("step")).longValue() == step)
          .findFirst()
          .orElse(null);
    }

    synchronized Map<Long, List<String>> keysByStep() {
      return metrics.stream()
          .collect(
              Collectors.groupingBy(
                  m -> ((Number) m.get("step")).longValue(),
                  Collectors.mapping(m -> (String) m.get("key"), Collectors.toList())));
    }
  }

  @Test
  void parsesProcStatMeminfoAndNvidiaSmiText() {
    HostSampler.CpuTimes before = HostSampler.parseCpu(STAT_BEFORE);
    HostSampler.CpuTimes after = HostSampler.parseCpu(STAT_AFTER);
    assertThat(before).isEqualTo(new HostSampler.CpuTimes(850, 1000));
    // 200 jiffies passed, 120 of them idle (idle + iowait)
    assertThat(HostSampler.cpuPercent(before, after)).isEqualTo(40.0);
    assertThat(HostSampler.cpuPercent(after, after)).isNaN();
    assertThatThrownBy(() -> HostSampler.parseCpu("intr 1\n"))
        .isInstanceOf(IllegalArgumentException.class);

    HostSampler.Memory m = HostSampler.parseMemory(MEMINFO).orElseThrow();
    assertThat(m).isEqualTo(new HostSampler.Memory(16_384_000, 4_096_000));
    assertThat(m.usedMegabytes()).isEqualTo(12_288_000L * 1024 / 1e6);
    assertThat(m.usedPercent()).isEqualTo(75.0);
    // kernels before 3.14 have no MemAvailable
    assertThat(HostSampler.parseMemory(MEMINFO.replaceAll("MemAvailable:.*\n", "")).orElseThrow())
        .isEqualTo(new HostSampler.Memory(16_384_000, 3_100_000));
    assertThat(HostSampler.parseMemory("Bogus: 1 kB\n")).isEmpty();

    List<HostSampler.Gpu> gpus = HostSampler.parseGpus(NVIDIA_SMI);
    assertThat(gpus).hasSize(2);
    assertThat(gpus.get(0)).isEqualTo(new HostSampler.Gpu(0, 45, 1024, 16384));
    assertThat(gpus.get(1).utilization()).isNaN();
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    gpus.forEach(g -> g.metrics(values));
    assertThat(values)
        .containsExactly(
            Map.entry("system/gpu_0_utilization_percentage", 45.0),
            Map.entry("system/gpu_0_memory_usage_megabytes", 1073.7),
            Map.entry("system/gpu_0_memory_usage_percentage", 6.3),
            Map.entry("system/gpu_1_memory_usage_megabytes", 3.1),
            Map.entry("system/gpu_1_memory_usage_percentage", 0.0));
    assertThatThrownBy(() -> HostSampler.parseGpus("NVIDIA-SMI has failed\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachSampleIsOneStepOfMetricsWithTheWallClock() throws Exception {
    Path proc = Files.createDirectories(tmp.resolve("proc"));
    Files.writeString(proc.resolve("stat"), STAT_BEFORE);
    Files.writeString(proc.resolve("meminfo"), MEMINFO);
    Path smi = script("nvidia-smi", "printf '" + NVIDIA_SMI.replace("\n", "\\n") + "'");
    Recorded events = new Recorded();
    HostSampler sampler = new HostSampler(events, 5, proc, smi, Duration.ofSeconds(10), "t");

    long t0 = System.currentTimeMillis();
    sampler.sample(); // no CPU yet: /proc/stat did not move during the first window
    Files.writeString(proc.resolve("stat"), STAT_AFTER);
    sampler.sample();

    Map<Long, List<String>> keys = events.keysByStep();
    assertThat(keys.keySet()).containsExactly(0L, 1L);
    assertThat(keys.get(0L))
        .contains(HostSampler.MEMORY_MB, HostSampler.MEMORY_PERCENT)
        .doesNotContain(HostSampler.CPU)
        .contains("system/gpu_1_memory_usage_megabytes");
    assertThat(events.get(1, HostSampler.CPU)).containsEntry("value", 40.0);
    assertThat(events.get(1, HostSampler.MEMORY_MB)).containsEntry("value", 12582.9);
    assertThat(events.get(1, HostSampler.MEMORY_PERCENT)).containsEntry("value", 75.0);
    assertThat(events.get(1, "system/gpu_0_utilization_percentage")).containsEntry("value", 45.0);
    assertThat(((Number) events.get(1, HostSampler.CPU).get("mts")).longValue())
        .isBetween(t0, System.currentTimeMillis());
  }

  @Test
  void aHangingOrFailingNvidiaSmiStopsGpuSamplingAndNothingElse() throws Exception {
    Path proc = Files.createDirectories(tmp.resolve("proc"));
    Files.writeString(proc.resolve("stat"), STAT_BEFORE);
    Files.writeString(proc.resolve("meminfo"), MEMINFO);
    for (String body : List.of("exec sleep 30", "echo 'NVIDIA-SMI has failed' >&2; exit 9")) {
      Path smi = script("nvidia-smi", body);
      Recorded events = new Recorded();
      HostSampler sampler = new HostSampler(events, 5, proc, smi, Duration.ofMillis(300), "t");
      sampler.sample();
      long t = System.nanoTime();
      sampler.sample(); // nvidia-smi is not asked again
      assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofMillis(300));
      assertThat(events.keysByStep().get(1L))
          .containsExactly(HostSampler.MEMORY_MB, HostSampler.MEMORY_PERCENT);
      assertThat(events.metrics).noneMatch(m -> m.get("key").toString().contains("gpu"));
    }
  }

  @Test
  void withoutProcNothingIsReportedAndNothingFails() {
    Recorded events = new Recorded();
    HostSampler sampler =
        new HostSampler(events, 1, tmp.resolve("no-proc"), null, Duration.ofSeconds(1), "t");
    sampler.start();
    sampler.close();
    assertThat(events.metrics).isEmpty();
  }

  @Test
  void theSpecFieldDefaultsToFiveSecondsAndIsChecked() {
    Map<String, Object> base = Map.of("kind", "command", "argv", List.of("true"));
    assertThat(JobSpec.parse(base).systemMetricsSeconds()).isEqualTo(5);
    assertThat(JobSpec.parse(with(base, 0)).systemMetricsSeconds()).isZero();
    assertThat(JobSpec.parse(with(base, "2.5")).systemMetricsSeconds()).isEqualTo(2.5);
    for (Object bad : List.of(-1, 0.01, 5000, "often")) {
      assertThatThrownBy(() -> JobSpec.parse(with(base, bad)))
          .isInstanceOf(FlightdeckException.class)
          .hasMessageContaining("'systemMetricsSeconds'");
    }
  }

  @Test
  void aRunningJobReportsCpuAndMemoryEverySecond() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/stat")), "needs Linux /proc");
    Map<String, Object> spec =
        Map.of(
            "kind",
            "command",
            "argv",
            List.of("sh", "-c", "sleep 2.5"),
            "workdir",
            tmp.toString(),
            "systemMetricsSeconds",
            1);
    List<AgentEvent> events = Jobs.supervise(tmp, spec);

    assertThat(Jobs.ended(events).text("status", "")).isEqualTo("FINISHED");
    TrainJobTest.assertSeqContiguous(events);
    List<AgentEvent> cpu = metrics(events, HostSampler.CPU);
    List<AgentEvent> memory = metrics(events, HostSampler.MEMORY_MB);
    // at the start, after 1 s and 2 s, and at the end
    assertThat(cpu).hasSizeGreaterThanOrEqualTo(3);
    assertThat(memory).hasSizeGreaterThanOrEqualTo(3);
    assertThat(cpu).allSatisfy(e -> assertThat(e.value("value")).isBetween(0.0, 100.0));
    assertThat(memory).allSatisfy(e -> assertThat(e.value("value")).isPositive());
    assertThat(memory.get(0).number("step", -1)).isZero();
    for (int i = 1; i < memory.size(); i++) {
      assertThat(memory.get(i).number("step", -1))
          .isGreaterThan(memory.get(i - 1).number("step", -1));
      assertThat(memory.get(i).number("mts", -1))
          .isGreaterThanOrEqualTo(memory.get(i - 1).number("mts", -1));
    }
    assertThat(metrics(events, HostSampler.MEMORY_PERCENT)).hasSameSizeAs(memory);
  }

  private static List<AgentEvent> metrics(List<AgentEvent> events, String key) {
    return Jobs.kind(events, "metric").stream().filter(e -> e.text("key", "").equals(key)).toList();
  }

  private static Map<String, Object> with(Map<String, Object> spec, Object seconds) {
    Map<String, Object> m = new java.util.HashMap<>(spec);
    m.put("systemMetricsSeconds", seconds);
    return m;
  }

  private Path script(String name, String body) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path dir = Files.createTempDirectory(tmp, "bin");
    Path f = dir.resolve(name);
    Files.writeString(f, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }
}
