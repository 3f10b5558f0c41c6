package io.flightdeck.app.cli;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.audit.ChainVerification;
import io.flightdeck.core.json.Json;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flightdeck audit list|verify}. */
@Command(
    name = "audit",
    description = "Read and verify the audit trail.",
    mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.ListCmd.class, AuditCommand.VerifyCmd.class})
final class AuditCommand {
  /** Exit code of {@code audit verify} when the chain is broken. */
  static final int EXIT_BROKEN = 3;

  @Command(
      name = "list",
      description = "List audit entries, newest first.",
      mixinStandardHelpOptions = true)
  static final class ListCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--action", paramLabel = "TEXT", description = "Only actions containing TEXT.")
    String action = "";

    @Option(names = "--object", paramLabel = "TEXT", description = "Only objects containing TEXT.")
    String object = "";

    @Option(
        names = "--limit",
        paramLabel = "N",
        description = "At most N entries (default ${DEFAULT-VALUE}).")
    int limit = AuditQuery.DEFAULT_LIMIT;

    @Override
    public Integer call() {
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      List<AuditEntry> entries;
      try (LocalWorkspace ws = root.openWorkspace()) {
        entries =
            ws.audit()
                .list(new AuditQuery(action, object, Optional.empty(), Optional.empty(), limit));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(entries.stream().map(ListCmd::toMap).toList()));
      } else {
        for (AuditEntry e : entries) {
          out.printf(
              "%6d  %s  %-10s  %-24s  %s:%s  %s%n",
              e.seq(),
              e.timestamp(),
              e.actor(),
              e.action(),
              e.objectType(),
              e.objectId(),
              e.detailsJson());
        }
      }
      out.flush();
      return 0;
    }

    private static Map<String, Object> toMap(AuditEntry e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", e.seq());
      m.put("time", e.timestamp().toString());
      m.put("actor", e.actor());
      m.put("action", e.action());
      m.put("objectType", e.objectType());
      m.put("objectId", e.objectId());
      m.put("details", Json.readObject(e.detailsJson()));
      m.put("prevHash", e.prevHash());
      m.put("hash", e.hash());
      return m;
    }
  }

  @Command(
      name = "verify",
      description =
          "Check every link of the chain. Exit code 0 when intact, "
              + EXIT_BROKEN
              + " when broken.",
      mixinStandardHelpOptions = true)
  static final class VerifyCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      ChainVerification v;
      try (LocalWorkspace ws = root.openWorkspace()) {
        v = ws.audit().verify();
      }
      if (v.valid()) {
        spec.commandLine().getOut().println(v.summary());
        spec.commandLine().getOut().flush();
        return 0;
      }
      spec.commandLine().getErr().println("flightdeck: " + v.summary());
      spec.commandLine().getErr().flush();
      return EXIT_BROKEN;
    }
  }
}
