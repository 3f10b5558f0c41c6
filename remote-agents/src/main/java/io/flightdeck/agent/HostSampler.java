package io.flightdeck.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the host while a job runs and reports each sample as the run's system metrics, under
 * MLflow's names: {@value #CPU} (from {@code /proc/stat} deltas), {@value #MEMORY_MB} and {@value
 * #MEMORY_PERCENT} ({@code MemTotal - MemAvailable} of {@code /proc/meminfo}) and, where {@code
 * nvidia-smi} is on the PATH, {@code system/gpu_<i>_utilization_percentage}, {@code
 * system/gpu_<i>_memory_usage_megabytes} and {@code system/gpu_<i>_memory_usage_percentage}.
 * Megabytes are 10^6 bytes, as MLflow reports them; values are rounded to 0.1. Each sample is one
 * {@code metric} event per value with step = the sample's index (0, 1, ...) and {@code mts} = the
 * wall clock, so they are spooled and acknowledged like any metric.
 *
 * <p>Threading and ownership: owned by the supervisor, which calls {@link #start} and {@link
 * #close} from its own thread. {@link #start} takes the first sample at once and then one every
 * interval on a daemon thread ({@code host-sampler}) that this object owns; {@link #close} stops
 * that thread and takes the last sample on the caller's thread. Without {@code /proc} (not Linux)
 * CPU and memory are skipped quietly. Each {@code nvidia-smi} run is a child process killed after
 * {@link #NVIDIA_SMI_TIMEOUT}; a run that fails, hangs or answers something unexpected turns GPU
 * sampling off for the rest of the job, logged once. Nothing here throws into the job.
 */
final class HostSampler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HostSampler.class);

  /** Seconds between samples when the spec does not say. */
  static final double DEFAULT_SECONDS = 5;

  static final String CPU = "system/cpu_utilization_percentage";
  static final String MEMORY_MB = "system/system_memory_usage_megabytes";
  static final String MEMORY_PERCENT = "system/system_memory_usage_percentage";
  static final Duration NVIDIA_SMI_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> NVIDIA_SMI_QUERY =
      List.of(
          "--query-gpu=utilization.gpu,memory.used,memory.total", "--format=csv,noheader,nounits");
  private static final long CPU_WINDOW_MS = 100;

  private final Events events;
  private final long intervalMs;
  private final Path proc;
  private final Path nvidiaSmi;
  private final Duration smiTimeout;
  private final String job;
  private final Object sampling = new Object();
  private ScheduledExecutorService executor;
  // guarded by "sampling"
  private long step;
  private CpuTimes lastCpu;
  private boolean procOn;
  private boolean gpuOn;
  private boolean failureLogged;

  /**
   * A sampler; nothing runs before {@link #start}.
   *
   * @param seconds between samples; 0 means no sampling at all
   * @param proc the proc file system ({@code /proc}); CPU and memory are skipped when it has no
   *     {@code stat}
   * @param nvidiaSmi the {@code nvidia-smi} executable, or null for no GPU sampling
   */
  HostSampler(
      Events events, double seconds, Path proc, Path nvidiaSmi, Duration smiTimeout, String job) {
    this.events = events;
    this.intervalMs = Math.round(seconds * 1000);
    this.proc = proc;
    this.nvidiaSmi = nvidiaSmi;
    this.smiTimeout = smiTimeout;
    this.job = job;
    this.procOn = Files.isReadable(proc.resolve("stat"));
    this.gpuOn = nvidiaSmi != null;
  }

  /** A sampler of this host: {@code /proc} and the {@code nvidia-smi} found on the PATH. */
  static HostSampler forHost(Events events, double seconds, String job) {
    return new HostSampler(
        events, seconds, Path.of("/proc"), onPath("nvidia-smi"), NVIDIA_SMI_TIMEOUT, job);
  }

  /** Takes the first sample now and then one per interval, on this sampler's own thread. */
  void start() {
    if (intervalMs <= 0) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "host-sampler");
              t.setDaemon(true);
              return t;
            });
    // fixed delay: after a stall (a spool held back by a full disk) no burst of catch-up samples
    executor.scheduleWithFixedDelay(this::sample, 0, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** Stops the sampling thread and takes the last sample on the calling thread. */
  @Override
  public void close() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(smiTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    sample();
  }

  /** Takes one sample and reports it; never throws. */
  void sample() {
    synchronized (sampling) {
      try {
        long ts = System.currentTimeMillis();
        Map<String, Double> values = new LinkedHashMap<>();
        if (procOn) {
          sampleProc(values);
        }
        if (gpuOn) {
          for (Gpu g : queryGpus()) {
            g.metrics(values);
          }
        }
        if (values.isEmpty() || Thread.currentThread().isInterrupted()) {
          return;
        }
        long s = step++;
        for (Map.Entry<String, Double> v : values.entrySet()) {
          Map<String, Object> f = new HashMap<>();
          f.put("key", v.getKey());
          f.put("value", v.getValue());
          f.put("step", s);
          f.put("mts", ts);
          events.emit("metric", f);
        }
      } catch (RuntimeException e) {
        if (!failureLogged) {
          failureLogged = true;
          LOG.warn("Sampling the host for job " + job + " failed", e);
        }
      }
    }
  }

  private void sampleProc(Map<String, Double> values) {
    try {
      CpuTimes before = lastCpu;
      CpuTimes now = parseCpu(Files.readString(proc.resolve("stat")));
      if (before == null || now.total() <= before.total()) {
        // no earlier sample, or too soon after it: measure over a short window
        before = now;
        Thread.sleep(CPU_WINDOW_MS);
        now = parseCpu(Files.readString(proc.resolve("stat")));
      }
      lastCpu = now;
      double cpu = cpuPercent(before, now);
      if (Double.isFinite(cpu)) {
        values.put(CPU, round(cpu));
      }
      parseMemory(Files.readString(proc.resolve("meminfo")))
          .ifPresent(
              m -> {
                values.put(MEMORY_MB, round(m.usedMegabytes()));
                values.put(MEMORY_PERCENT, round(m.usedPercent()));
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | IllegalArgumentException e) {
      procOn = false;
      LOG.warn("Job {}: no CPU and memory metrics, {} cannot be read: {}", job, proc, e.toString());
    }
  }

  private List<Gpu> queryGpus() {
    List<String> cmd = new ArrayList<>();
    cmd.add(nvidiaSmi.toString());
    cmd.addAll(NVIDIA_SMI_QUERY);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return gpuOff("it cannot be started: " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      // the answer is a few short lines: it fits the pipe, so waiting before reading cannot block
      if (!p.waitFor(smiTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        return gpuOff("it did not answer within " + smiTimeout.toMillis() + " ms");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        return gpuOff("it exited with code " + p.exitValue() + ": " + out.strip());
      }
      return parseGpus(out);
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      return List.of();
    } catch (IOException | IllegalArgumentException e) {
      kill(p);
      return gpuOff(e.getMessage());
    }
  }

  private List<Gpu> gpuOff(String why) {
    gpuOn = false;
    LOG.warn("Job {}: GPU metrics stop, {} failed: {}", job, nvidiaSmi, why);
    return List.of();
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    for (String d : path.split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        Path p = Path.of(d, windows ? name + ".exe" : name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Jiffies since boot: idle (idle + iowait) and total (user to steal). */
  record CpuTimes(long idle, long total) {}

  /** {@code /proc/meminfo}'s MemTotal and MemAvailable, in KiB. */
  record Memory(long totalKib, long availableKib) {
    double usedMegabytes() {
      return (totalKib - availableKib) * 1024 / 1e6;
    }

    double usedPercent() {
      return 100.0 * (totalKib - availableKib) / totalKib;
    }
  }

  /** One line of nvidia-smi's answer; NaN where it said {@code [N/A]} or similar. */
  record Gpu(int index, double utilization, double memoryUsedMib, double memoryTotalMib) {
    void metrics(Map<String, Double> out) {
      String p = "system/gpu_" + index + "_";
      if (Double.isFinite(utilization)) {
        out.put(p + "utilization_percentage", round(utilization));
      }
      if (Double.isFinite(memoryUsedMib)) {
        out.put(p + "memory_usage_megabytes", round(memoryUsedMib * 1_048_576 / 1e6));
        if (Double.isFinite(memoryTotalMib) && memoryTotalMib > 0) {
          out.put(p + "memory_usage_percentage", round(100 * memoryUsedMib / memoryTotalMib));
        }
      }
    }
  }

  /**
   * The aggregate {@code cpu} line of {@code /proc/stat}.
   *
   * @throws IllegalArgumentException when there is none
   */
  static CpuTimes parseCpu(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        long[] v = new long[8]; // user nice system idle iowait irq softirq steal
        for (int i = 0; i < v.length && i + 1 < f.length; i++) {
          v[i] = Long.parseLong(f[i + 1]);
        }
        long total = 0;
        for (long x : v) {
          total += x;
        }
        return new CpuTimes(v[3] + v[4], total);
      }
    }
    throw new IllegalArgumentException("/proc/stat has no 'cpu' line");
  }

  /** Busy share between two readings in percent, 0 to 100; NaN when no time passed. */
  static double cpuPercent(CpuTimes before, CpuTimes now) {
    long total = now.total() - before.total();
    if (total <= 0) {
      return Double.NaN;
    }
    long busy = total - (now.idle() - before.idle());
    return Math.max(0, Math.min(100, 100.0 * busy / total));
  }

  /**
   * MemTotal and MemAvailable (before Linux 3.14: MemFree + Buffers + Cached); empty when MemTotal
   * is missing.
   */
  static Optional<Memory> parseMemory(String meminfo) {
    Map<String, Long> kib = new HashMap<>();
    for (String line : meminfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String[] f = line.substring(colon + 1).trim().split("\\s+");
        try {
          kib.put(line.substring(0, colon), Long.parseLong(f[0]));
        } catch (NumberFormatException e) {
          // not a number line: not one we need
        }
      }
    }
    Long total = kib.get("MemTotal");
    if (total == null || total <= 0) {
      return Optional.empty();
    }
    Long available = kib.get("MemAvailable");
    if (available == null) {
      available =
          kib.getOrDefault("MemFree", 0L)
              + kib.getOrDefault("Buffers", 0L)
              + kib.getOrDefault("Cached", 0L);
    }
    return Optional.of(new Memory(total, Math.min(total, available)));
  }

  /**
   * nvidia-smi's {@code utilization.gpu,memory.used,memory.total} CSV without header and units, one
   * GPU per line in index order.
   *
   * @throws IllegalArgumentException when a line does not have three fields
   */
  static List<Gpu> parseGpus(String csv) {
    List<Gpu> out = new ArrayList<>();
    for (String line : csv.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != 3) {
        throw new IllegalArgumentException("unexpected answer '" + line.strip() + "'");
      }
      out.add(new Gpu(out.size(), number(f[0]), number(f[1]), number(f[2])));
    }
    return out;
  }

  private static double number(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN; // [N/A], [Not Supported], ...
    }
  }
}
