package io.flightdeck.app.jobs;

import io.flightdeck.core.FlightdeckVersion;
import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.runners.agent.AgentConnector;
import io.flightdeck.runners.ssh.KnownHosts;
import io.flightdeck.runners.ssh.SshAgentConnector;
import io.flightdeck.runners.ssh.SshClients;
import io.flightdeck.runners.ssh.SshHostOperations;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wires remote hosts for one open workspace: SSH connections verified against the workspace's
 * {@code ssh/known_hosts} (and, read only, {@code ~/.ssh/known_hosts}), the agent jar this
 * Flightdeck ships, and an agent connector per host of the inventory. Secrets typed by the user
 * stay in memory for as long as this object lives.
 */
public final class RemoteHosts {
  /** Overrides where the agent jar is looked for (a path to flightdeck-agent.jar). */
  public static final String AGENT_JAR_PROPERTY = "flightdeck.agent.jar";

  private final Workspace ws;
  private final SshHostOperations ops;

  public RemoteHosts(Workspace ws, Credentials credentials) {
    this.ws = ws;
    SshClients clients = new SshClients(KnownHosts.forWorkspace(ws.dir()), credentials);
    this.ops =
        new SshHostOperations(
            clients,
            new SshHostOperations.AgentJar(agentJar(), FlightdeckVersion.version()),
            gpuAgentJar().map(p -> new SshHostOperations.AgentJar(p, FlightdeckVersion.version())),
            ws.audit(),
            host ->
                ws.tracking().repository().liveJobs().stream()
                    .anyMatch(j -> j.host().equals(host)));
  }

  public SshHostOperations operations() {
    return ops;
  }

  /** The connector for a host name: the local agent for "local", else SSH. */
  public AgentConnector connector(String host, Consumer<String> status) {
    if (host.equals(HostConfig.LOCAL)) {
      return io.flightdeck.runners.agent.LocalAgentConnector.fromCurrentJvm(
          LocalJobs.agentHome(ws));
    }
    ws.hosts().require(host);
    return new SshAgentConnector(host, () -> ws.hosts().require(host), ops, status);
  }

  /**
   * The agent jar to install on hosts: the {@value #AGENT_JAR_PROPERTY} property; else {@code
   * agent/flightdeck-agent.jar} beside the app's jar (installed images); else the build's {@code
   * remote-agents/target/flightdeck-agent.jar} above it (running from source).
   */
  public static Path agentJar() {
    return locate(AGENT_JAR_PROPERTY, "remote-agents", "flightdeck-agent.jar")
        .orElse(Path.of("agent", "flightdeck-agent.jar"));
  }

  /** Overrides where the GPU build of the agent is looked for. */
  public static final String GPU_AGENT_JAR_PROPERTY = "flightdeck.agent.gpu.jar";

  /**
   * The GPU build of the agent ({@code mvn -Pgpu-agent}), when this installation has one: found as
   * {@link #agentJar} is, under {@value #GPU_AGENT_JAR_PROPERTY}, {@code
   * agent/flightdeck-agent-gpu.jar} and {@code remote-agents-gpu/target/}.
   */
  public static Optional<Path> gpuAgentJar() {
    return locate(GPU_AGENT_JAR_PROPERTY, "remote-agents-gpu", "flightdeck-agent-gpu.jar")
        .filter(p -> System.getProperty(GPU_AGENT_JAR_PROPERTY) != null || Files.isRegularFile(p));
  }

  /**
   * The property's path; else {@code agent/FILE} beside the app's jar when it exists; else the
   * build's {@code MODULE/target/FILE} in a folder above it; else where the installed copy would be
   * (empty when the app's location is unknown).
   */
  private static Optional<Path> locate(String property, String module, String file) {
    String prop = System.getProperty(property);
    if (prop != null && !prop.isBlank()) {
      return Optional.of(Path.of(prop));
    }
    Optional<Path> here = codeSource();
    if (here.isEmpty()) {
      return Optional.empty();
    }
    Path dir = Files.isDirectory(here.get()) ? here.get() : here.get().getParent();
    Path beside = dir.resolve("agent").resolve(file);
    if (Files.isRegularFile(beside)) {
      return Optional.of(beside);
    }
    for (Path p = dir; p != null; p = p.getParent()) {
      Path built = p.resolve(module).resolve("target").resolve(file);
      if (Files.isRegularFile(built)) {
        return Optional.of(built);
      }
    }
    return Optional.of(beside);
  }

  private static Optional<Path> codeSource() {
    try {
      return Optional.of(
          Path.of(RemoteHosts.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
