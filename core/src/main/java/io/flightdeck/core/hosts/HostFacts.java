package io.flightdeck.core.hosts;

import java.util.List;

/**
 * What "Test connection" found on a host.
 *
 * @param os the operating system and kernel ("Linux 6.1.0")
 * @param arch the machine architecture ("x86_64")
 * @param cpus logical CPUs
 * @param memTotalBytes physical memory
 * @param memAvailableBytes memory available now
 * @param diskFreeBytes free bytes where the agent keeps its files
 * @param javaVersion the version the host's java reports; empty when there is none
 * @param javaMajor the feature release (17, 21, ...); 0 when unknown
 * @param gpus one line per GPU from {@code nvidia-smi} (name, memory); empty when there is none
 * @param agentVersion the installed agent's version; empty when not installed
 * @param agentSha256 the installed agent jar's SHA-256; empty when not installed
 * @param latencyMillis the time the whole probe took
 */
public record HostFacts(
    String os,
    String arch,
    int cpus,
    long memTotalBytes,
    long memAvailableBytes,
    long diskFreeBytes,
    String javaVersion,
    int javaMajor,
    List<String> gpus,
    String agentVersion,
    String agentSha256,
    long latencyMillis) {
  public HostFacts {
    gpus = List.copyOf(gpus);
  }

  /** Lines for display, in the order "Test connection" shows them. */
  public List<String> lines() {
    return List.of(
        "OS: " + os,
        "Architecture: " + arch,
        "CPUs: " + cpus,
        "Memory: " + gib(memAvailableBytes) + " available of " + gib(memTotalBytes),
        "Free disk: " + gib(diskFreeBytes),
        "Java: " + (javaVersion.isEmpty() ? "not found" : javaVersion),
        "GPUs: " + (gpus.isEmpty() ? "none (no nvidia-smi)" : String.join("; ", gpus)),
        "Agent: "
            + (agentVersion.isEmpty()
                ? "not installed"
                : agentVersion
                    + " ("
                    + agentSha256.substring(0, Math.min(12, agentSha256.length()))
                    + ")"),
        "Probe took: " + latencyMillis + " ms");
  }

  private static String gib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
