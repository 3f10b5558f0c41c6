package io.flightdeck.app.jobs;

import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.runners.jobs.Fleet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Wires the job service: the embedded default is the agent on this machine, a child process of the
 * app started with the app's own Java and class path, its home in the workspace's {@code agent/}
 * folder (job spools and the data cache live with the workspace they belong to); hosts of the
 * inventory are reached over SSH ({@link RemoteHosts}).
 */
public final class LocalJobs {
  private LocalJobs() {}

  /** The agent home for a workspace. */
  public static Path agentHome(Workspace ws) {
    return ws.dir().resolve("agent");
  }

  /** Jobs on this machine and the inventory's hosts; secrets are never asked. */
  public static Fleet open(Workspace ws, Clock clock) {
    return open(ws, clock, new RemoteHosts(ws, Credentials.NONE), s -> {});
  }

  /**
   * Jobs on this machine and the inventory's hosts; the caller closes the fleet before the
   * workspace.
   *
   * @param status progress while a host is prepared (agent install, uploads)
   */
  public static Fleet open(Workspace ws, Clock clock, RemoteHosts remote, Consumer<String> status) {
    Consumer<String> logged =
        s -> {
          LoggerFactory.getLogger(LocalJobs.class).info("{}", s);
          status.accept(s);
        };
    return new Fleet(
        ws.tracking(),
        ws.datasets(),
        ws.artifacts(),
        ws.audit(),
        host -> remote.connector(host, logged),
        clock);
  }
}
