package io.flightdeck.app.cli;

import io.flightdeck.core.hosts.AgentStatus;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flightdeck agents install|status|uninstall HOST}: the agent on a remote host. */
@Command(
    name = "agents",
    description = "The Flightdeck agent on remote hosts (one jar, checked by its SHA-256).",
    mixinStandardHelpOptions = true,
    subcommands = {
      AgentsCommand.InstallCmd.class,
      AgentsCommand.StatusCmd.class,
      AgentsCommand.UninstallCmd.class
    })
final class AgentsCommand {
  private AgentsCommand() {}

  @Command(
      name = "install",
      description =
          "Install or upgrade the agent (uploaded only when the host does not have this exact jar).",
      mixinStandardHelpOptions = true)
  static final class InstallCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (LocalWorkspace ws = HostsCommand.root(spec).openWorkspace()) {
        HostConfig h = ws.hosts().require(name);
        AgentStatus s =
            ConsoleCredentials.remoteHosts(ws)
                .operations()
                .installAgent(
                    h,
                    line -> {
                      out.println(line);
                      out.flush();
                    });
        out.printf("%s: %s at %s%n", h.name(), s.describe(), s.path());
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "status", description = "The installed agent.", mixinStandardHelpOptions = true)
  static final class StatusCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (LocalWorkspace ws = HostsCommand.root(spec).openWorkspace()) {
        HostConfig h = ws.hosts().require(name);
        AgentStatus s = ConsoleCredentials.remoteHosts(ws).operations().agentStatus(h);
        out.printf("%s: %s%n", h.name(), s.describe());
        out.flush();
        return s.installed() && s.current() ? 0 : 3;
      }
    }
  }

  @Command(
      name = "uninstall",
      description = "Remove the agent's jars from the host (refused while jobs run there).",
      mixinStandardHelpOptions = true)
  static final class UninstallCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST")
    String name;

    @Option(names = "--purge", description = "Also remove job spools and the data cache.")
    boolean purge;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (LocalWorkspace ws = HostsCommand.root(spec).openWorkspace()) {
        HostConfig h = ws.hosts().require(name);
        ConsoleCredentials.remoteHosts(ws).operations().uninstallAgent(h, purge);
        out.printf("Removed the agent from %s%s.%n", h.name(), purge ? " with its job data" : "");
        out.flush();
        return 0;
      }
    }
  }
}
