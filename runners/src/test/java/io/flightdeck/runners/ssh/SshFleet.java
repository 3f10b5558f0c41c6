package io.flightdeck.runners.ssh;

import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.runners.agent.LocalAgentConnector;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wiring for SSH tests: the real agent jar, a workspace's known_hosts, a fleet over them. */
final class SshFleet {
  /** The shaded agent built by the remote-agents module (the reactor builds it first). */
  static final Path AGENT_JAR =
      Path.of("..", "remote-agents", "target", "flightdeck-agent.jar").toAbsolutePath().normalize();

  final LocalWorkspace ws;
  final SshHostOperations ops;
  final List<String> status = new CopyOnWriteArrayList<>();

  SshFleet(LocalWorkspace ws) {
    if (!Files.isRegularFile(AGENT_JAR)) {
      throw new IllegalStateException(
          AGENT_JAR + " is missing: build remote-agents first (mvn -pl remote-agents package)");
    }
    this.ws = ws;
    SshClients clients = new SshClients(KnownHosts.forWorkspace(ws.dir()), Credentials.NONE);
    this.ops =
        new SshHostOperations(
            clients,
            new SshHostOperations.AgentJar(AGENT_JAR, "test"),
            ws.audit(),
            h -> ws.tracking().repository().liveJobs().stream().anyMatch(j -> j.host().equals(h)));
  }

  /** A host of the inventory for this server, its key accepted by fingerprint. */
  HostConfig addHost(String name, Sshd sshd) throws Exception {
    HostConfig h =
        HostConfig.of(name, "127.0.0.1", Sshd.user())
            .withPort(sshd.port())
            .withKey(sshd.clientKey().toString());
    ops.acceptIfFingerprint(h, sshd.fingerprint());
    return ws.hosts().save(h, true);
  }

  Fleet fleet() {
    return new Fleet(
        ws.tracking(),
        ws.datasets(),
        ws.artifacts(),
        ws.audit(),
        host ->
            host.equals("local")
                ? LocalAgentConnector.fromCurrentJvm(ws.dir().resolve("agent"))
                : new SshAgentConnector(host, () -> ws.hosts().require(host), ops, status::add),
        Clock.systemUTC());
  }
}
