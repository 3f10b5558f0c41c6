package io.flightdeck.app.cli;

import io.flightdeck.core.json.Json;
import io.flightdeck.core.workspace.WorkspaceSummary;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck workspace info}: opens (creating and migrating if needed) the workspace, prints
 * facts, exits.
 */
@Command(
    name = "workspace",
    description = "Inspect the workspace.",
    mixinStandardHelpOptions = true,
    subcommands = {WorkspaceCommand.InfoCmd.class})
final class WorkspaceCommand {
  @Command(
      name = "info",
      description = "Open the workspace and print its facts.",
      mixinStandardHelpOptions = true)
  static final class InfoCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      WorkspaceSummary s;
      try (LocalWorkspace ws = root.openWorkspace()) {
        s = ws.summary();
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workspace", s.dir().toString());
      m.put("database", s.databaseFile().toString());
      m.put("schemaVersion", s.schemaVersion());
      m.put("auditEntries", s.auditEntries());
      m.put("lastBackup", s.lastBackup().map(Object::toString).orElse(""));
      m.put("created", s.created());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(m));
      } else {
        m.forEach((k, v) -> out.printf("%-14s %s%n", k + ":", v));
      }
      out.flush();
      return 0;
    }
  }
}
