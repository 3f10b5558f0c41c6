package io.flightdeck.runners.ssh;

import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.AgentStatus;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostFacts;
import io.flightdeck.core.hosts.HostOperations;
import io.flightdeck.core.hosts.KeyOffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host operations over SSH (SSHJ). The agent lives on the host under {@code
 * ~/.flightdeck/agents/<sha256>/flightdeck-agent.jar}, with {@code ~/.flightdeck/agents/current}
 * naming the one in use, and keeps its jobs and data cache in {@code ~/.flightdeck/home}. Nothing
 * is installed system-wide and nothing runs as another user. Thread-safe: every call opens its own
 * connection.
 */
public final class SshHostOperations implements HostOperations {
  static final String AGENTS = ".flightdeck/agents";
  static final String HOME = ".flightdeck/home";
  private static final Duration SHORT = Duration.ofSeconds(60);
  private static final Pattern JAVA_VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?");

  private final SshClients clients;
  private final AgentJar cpuJar;
  private final java.util.Optional<AgentJar> gpuJar;
  private final AuditLog audit;
  private final Predicate<String> hasLiveJobs;

  /**
   * @param clients connections with verified host keys
   * @param jar the agent this Flightdeck ships
   * @param audit key acceptances and agent installs are recorded here
   * @param hasLiveJobs whether a host (by name) has jobs that are not ended (uninstall refuses)
   */
  public SshHostOperations(
      SshClients clients, AgentJar jar, AuditLog audit, Predicate<String> hasLiveJobs) {
    this(clients, jar, java.util.Optional.empty(), audit, hasLiveJobs);
  }

  /**
   * @param gpuJar the agent built with ONNX Runtime's GPU build ({@code -Pgpu-agent}), installed
   *     instead on hosts where {@code nvidia-smi} lists a GPU
   */
  public SshHostOperations(
      SshClients clients,
      AgentJar jar,
      java.util.Optional<AgentJar> gpuJar,
      AuditLog audit,
      Predicate<String> hasLiveJobs) {
    this.gpuJar = gpuJar;
    this.clients = clients;
    this.cpuJar = jar;
    this.audit = audit;
    this.hasLiveJobs = hasLiveJobs;
  }

  /** Flightdeck's own known_hosts file (written only when a key is accepted). */
  public Path connectKnownHostsFile() {
    return clients.knownHosts().file();
  }

  /** Opens an authenticated connection to the host; the caller closes it. */
  public RemoteHost connect(HostConfig host) {
    return new RemoteHost(host, clients.open(host));
  }

  @Override
  public Optional<KeyOffer> offeredKey(HostConfig host) {
    return clients
        .offeredKey(host)
        .map(
            e ->
                new KeyOffer(
                    e.hostname(),
                    e.port(),
                    e.keyType(),
                    e.fingerprint(),
                    e.kind() == HostKeyException.Kind.CHANGED,
                    e.getMessage(),
                    e.key()));
  }

  @Override
  public void acceptKey(HostConfig host, KeyOffer offer) {
    if (offer.changed()) {
      throw new FlightdeckException(offer.message(), "A changed key is never accepted here.");
    }
    clients.knownHosts().accept(offer.hostname(), offer.port(), offer.key());
    audit.append(
        AuditEvent.of(
            "host.key.accepted",
            "host",
            host.name(),
            Map.of(
                "address",
                offer.hostname() + ":" + offer.port(),
                "keyType",
                offer.keyType(),
                "fingerprint",
                offer.fingerprint())));
  }

  /**
   * Accepts the host's key without asking only when it matches the fingerprint given (for a
   * non-interactive add); a key already trusted passes.
   *
   * @throws FlightdeckException when the offered key differs or is a changed key
   */
  public void acceptIfFingerprint(HostConfig host, String expected) {
    Optional<KeyOffer> offer = offeredKey(host);
    if (offer.isEmpty()) {
      return;
    }
    KeyOffer o = offer.get();
    if (o.changed()) {
      throw new FlightdeckException(o.message(), "A changed key is never accepted here.");
    }
    if (!o.fingerprint().equals(expected.trim())) {
      throw new FlightdeckException(
          host.hostname()
              + ":"
              + host.port()
              + " offers "
              + o.keyType()
              + " "
              + o.fingerprint()
              + ", not the expected "
              + expected.trim()
              + ". Nothing was stored.",
          "Check the fingerprint with the host's administrator (ssh-keygen -lf"
              + " /etc/ssh/ssh_host_ed25519_key.pub on the host).");
    }
    acceptKey(host, o);
  }

  @Override
  public HostFacts test(HostConfig host) {
    long t0 = System.nanoTime();
    try (RemoteHost r = connect(host)) {
      String script =
          "echo \"os=$(uname -sr)\"; echo \"arch=$(uname -m)\";"
              + " echo \"cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null)\";"
              + " awk '/^MemTotal:/{print \"memtotal=\" $2*1024} /^MemAvailable:/{print"
              + " \"memavail=\" $2*1024}' /proc/meminfo 2>/dev/null;"
              + " mkdir -p \"$HOME/.flightdeck\";"
              + " echo \"diskfree=$(df -Pk \"$HOME/.flightdeck\" | awk 'NR==2{print $4*1024}')\";"
              + " echo \"java=$("
              + host.java()
              + " -version 2>&1 | head -1)\";"
              + " if command -v nvidia-smi >/dev/null 2>&1; then nvidia-smi"
              + " --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null | sed"
              + " 's/^/gpu=/'; fi;"
              + " c=$(cat \"$HOME/"
              + AGENTS
              + "/current\" 2>/dev/null); if [ -n \"$c\" ] && [ -f \"$HOME/"
              + AGENTS
              + "/$c/flightdeck-agent.jar\" ]; then echo \"agentsha=$c\"; echo \"agentversion=$(cat"
              + " \"$HOME/"
              + AGENTS
              + "/$c/version\" 2>/dev/null)\"; fi";
      RemoteHost.Result res = r.exec(script, SHORT);
      Map<String, List<String>> kv = new java.util.HashMap<>();
      for (String line : res.out().split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          kv.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>())
              .add(line.substring(eq + 1).trim());
        }
      }
      String javaLine = first(kv, "java");
      int major = javaMajor(javaLine);
      return new HostFacts(
          first(kv, "os"),
          first(kv, "arch"),
          (int) number(first(kv, "cpus")),
          number(first(kv, "memtotal")),
          number(first(kv, "memavail")),
          number(first(kv, "diskfree")),
          major > 0 ? javaLine : "",
          major,
          kv.getOrDefault("gpu", List.of()),
          agentVersion(first(kv, "agentversion")),
          first(kv, "agentsha"),
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static String first(Map<String, List<String>> kv, String k) {
    List<String> v = kv.get(k);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  private static long number(String s) {
    try {
      return (long) Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The version in the agent's {@code --version} line ("flightdeck-agent 0.1.0" → "0.1.0"). */
  private static String agentVersion(String line) {
    return line.trim().replaceFirst("^flightdeck-agent ", "");
  }

  /** The feature release in a {@code java -version} line (1.8 → 8); 0 when there is none. */
  static int javaMajor(String line) {
    Matcher m = JAVA_VERSION.matcher(line == null ? "" : line);
    if (!m.find()) {
      return 0;
    }
    int first = Integer.parseInt(m.group(1));
    return first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
  }

  @Override
  public AgentStatus agentStatus(HostConfig host) {
    try (RemoteHost r = connect(host)) {
      return status(r);
    }
  }

  /**
   * The agent this host should run: the GPU build when one is shipped and {@code nvidia-smi} lists
   * a GPU there, else the CPU build (saying so when the host has a GPU).
   */
  AgentJar jarFor(RemoteHost r, Consumer<String> progress) {
    RemoteHost.Result gpus =
        r.exec(
            "command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | head -8", SHORT);
    String listed = gpus.ok() ? gpus.out().trim() : "";
    if (listed.isEmpty()) {
      return cpuJar;
    }
    String host = r.config().name();
    if (gpuJar.isPresent() && Files.isRegularFile(gpuJar.get().path)) {
      progress.accept(
          host + " has GPUs (" + listed.lines().findFirst().orElse("") + "): the GPU agent");
      return gpuJar.get();
    }
    progress.accept(
        host
            + " has GPUs, but this Flightdeck ships only the CPU agent (build with -Pgpu-agent):"
            + " ONNX Runtime there uses the CPU");
    return cpuJar;
  }

  AgentStatus status(RemoteHost r) {
    return status(r, jarFor(r, s -> {}));
  }

  private AgentStatus status(RemoteHost r, AgentJar jar) {
    RemoteHost.Result res =
        r.exec(
            "c=$(cat \"$HOME/"
                + AGENTS
                + "/current\" 2>/dev/null); if [ -n \"$c\" ] && [ -f \"$HOME/"
                + AGENTS
                + "/$c/flightdeck-agent.jar\" ]; then echo \"$c\"; cat \"$HOME/"
                + AGENTS
                + "/$c/version\" 2>/dev/null; fi",
            SHORT);
    String[] lines = res.out().trim().split("\n");
    String sha = lines.length > 0 ? lines[0].trim() : "";
    String version = lines.length > 1 ? agentVersion(lines[1]) : "";
    try {
      return new AgentStatus(
          sha,
          version,
          jar.sha256(),
          jar.version(),
          sha.isEmpty() ? "" : r.home() + "/" + AGENTS + "/" + sha + "/flightdeck-agent.jar");
    } catch (IOException e) {
      throw r.lost(e);
    }
  }

  @Override
  public AgentStatus installAgent(HostConfig host, Consumer<String> progress) {
    try (RemoteHost r = connect(host)) {
      return install(r, progress);
    }
  }

  /** Makes the shipped agent current on the host, uploading it only when it is not there. */
  AgentStatus install(RemoteHost r, Consumer<String> progress) {
    HostConfig host = r.config();
    checkJava(r);
    AgentJar jar = jarFor(r, progress);
    AgentStatus before = status(r, jar);
    if (before.current()) {
      progress.accept("agent " + before.installedVersion() + " is current on " + host.name());
      return before;
    }
    try {
      String dir = r.home() + "/" + AGENTS + "/" + jar.sha256();
      String target = dir + "/flightdeck-agent.jar";
      RemoteHost.Result have =
          r.exec(
              RemoteHost.SHA256_FN
                  + "[ -f "
                  + RemoteHost.quote(target)
                  + " ] && fd_sha256 "
                  + RemoteHost.quote(target),
              Duration.ofMinutes(5));
      if (have.ok() && have.out().trim().equals(jar.sha256())) {
        progress.accept("agent jar already on " + host.name() + " (hash checked)");
      } else {
        r.upload(jar.path(), target, jar.sha256(), "the agent", progress);
      }
      RemoteHost.Result v =
          r.exec(
              host.java()
                  + " -jar "
                  + RemoteHost.quote(target)
                  + " --version > "
                  + RemoteHost.quote(dir + "/version.tmp")
                  + " && mv -f "
                  + RemoteHost.quote(dir + "/version.tmp")
                  + " "
                  + RemoteHost.quote(dir + "/version")
                  + " && printf %s "
                  + jar.sha256()
                  + " > \"$HOME/"
                  + AGENTS
                  + "/current.tmp\" && mv -f \"$HOME/"
                  + AGENTS
                  + "/current.tmp\" \"$HOME/"
                  + AGENTS
                  + "/current\"",
              SHORT);
      if (!v.ok()) {
        throw new FlightdeckException(
            "The agent does not start on " + host.name() + ": " + v.err().trim(),
            "Check the Java installation on the host (" + host.java() + " -version).");
      }
    } catch (IOException e) {
      throw r.lost(e);
    }
    AgentStatus after = status(r, jar);
    audit.append(
        AuditEvent.of(
            before.installed() ? "agent.upgraded" : "agent.installed",
            "host",
            host.name(),
            Map.of(
                "sha256",
                after.installedSha256(),
                "version",
                after.installedVersion(),
                "previous",
                before.installedSha256())));
    progress.accept("agent " + after.installedVersion() + " installed on " + host.name());
    return after;
  }

  /**
   * Refuses a host whose Java is missing or older than 17, saying how to fix it.
   *
   * @return the feature release found
   */
  int checkJava(RemoteHost r) {
    HostConfig host = r.config();
    RemoteHost.Result res = r.exec(host.java() + " -version 2>&1", SHORT);
    String out = res.out().trim();
    int major = javaMajor(out);
    if (res.exit() == 127 || major == 0) {
      throw new FlightdeckException(
          host.name()
              + " has no Java: '"
              + host.java()
              + " -version' failed ("
              + (out.isEmpty() ? "exit " + res.exit() : out.lines().findFirst().orElse(""))
              + ").",
          "Install Java 17 or newer on the host (for example: sudo apt-get install"
              + " openjdk-17-jre-headless), or set the host's Java command to the full path of a"
              + " Java 17+ (Edit host ▸ Java command).");
    }
    if (major < 17) {
      throw new FlightdeckException(
          host.name()
              + " has Java "
              + major
              + " ("
              + out.lines().findFirst().orElse("")
              + "); the agent needs Java 17 or newer.",
          "Install Java 17 or newer on the host (for example: sudo apt-get install"
              + " openjdk-17-jre-headless) and set the host's Java command to its full path if it"
              + " is not the default 'java'.");
    }
    return major;
  }

  @Override
  public void uninstallAgent(HostConfig host, boolean purge) {
    if (hasLiveJobs.test(host.name())) {
      throw new FlightdeckException(
          "Jobs are still running on " + host.name() + "; their supervisors use the agent.",
          "Wait for them to end or cancel them, then uninstall.");
    }
    try (RemoteHost r = connect(host)) {
      RemoteHost.Result res =
          r.exec(
              "rm -rf \"$HOME/" + AGENTS + "\"" + (purge ? " \"$HOME/" + HOME + "\"" : ""),
              Duration.ofMinutes(5));
      if (!res.ok()) {
        throw new FlightdeckException(
            "Removing the agent from " + host.name() + " failed: " + res.err().trim(),
            "Remove ~/.flightdeck on the host by hand.");
      }
    }
    audit.append(AuditEvent.of("agent.uninstalled", "host", host.name(), Map.of("purge", purge)));
  }

  /** The agent jar this Flightdeck ships, hashed once. */
  public static final class AgentJar {
    private final Path path;
    private volatile String sha256;
    private final String version;

    public AgentJar(Path path, String version) {
      this.path = path;
      this.version = version;
    }

    public Path path() {
      if (!Files.isRegularFile(path)) {
        throw new FlightdeckException(
            "The agent jar " + path + " is missing from this installation.",
            "Reinstall Flightdeck, or build it (mvn -B install -DskipTests) when running from"
                + " source.");
      }
      return path;
    }

    public String sha256() throws IOException {
      if (sha256 == null) {
        sha256 = RemoteHost.sha256(path());
      }
      return sha256;
    }

    public String version() {
      return version;
    }
  }
}
