package io.flightdeck.app.jobs;

import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.runners.agent.LocalAgentConnector;
import io.flightdeck.runners.jobs.JobManager;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the embedded default: jobs run by the agent on this machine, a child process of the app
 * started with the app's own Java and class path, its home in the workspace's {@code agent/} folder
 * (job spools and the data cache live with the workspace they belong to).
 */
public final class LocalJobs {
  private LocalJobs() {}

  /** The agent home for a workspace. */
  public static Path agentHome(Workspace ws) {
    return ws.dir().resolve("agent");
  }

  /** A job manager for the local host; the caller closes it before the workspace. */
  public static JobManager open(Workspace ws, Clock clock) {
    return new JobManager(
        ws.tracking(),
        ws.datasets(),
        ws.artifacts(),
        ws.audit(),
        LocalAgentConnector.fromCurrentJvm(agentHome(ws)),
        clock);
  }
}
