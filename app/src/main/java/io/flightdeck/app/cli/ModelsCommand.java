package io.flightdeck.app.cli;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.registry.RegistryVerification;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flightdeck models ...}: the model registry. */
@Command(
    name = "models",
    description = "The model registry: ONNX versions, aliases with history, approvals, evaluation.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ModelsCommand.Register.class,
      ModelsCommand.ListCmd.class,
      ModelsCommand.Alias.class,
      ModelsCommand.Rollback.class,
      ModelsCommand.Approve.class,
      ModelsCommand.Protect.class,
      ModelsCommand.History.class,
      ModelsCommand.Verify.class,
      ModelEvalCommands.Evaluate.class,
      ModelEvalCommands.Score.class,
      ModelEvalCommands.Export.class,
      ModelEvalCommands.Import.class
    })
final class ModelsCommand {
  /** Exit code of {@code models verify} when an artifact does not match. */
  static final int EXIT_INCONSISTENT = 3;

  private ModelsCommand() {}

  static LocalWorkspace open(CommandSpec spec) {
    return ((FlightdeckCommand) spec.root().userObject()).openWorkspace();
  }

  /** "name:version" where version is a number, v<n>, latest or an alias. */
  static ModelVersion resolve(RegistryService r, String ref) {
    int colon = ref.lastIndexOf(':');
    if (colon <= 0 || colon == ref.length() - 1) {
      throw new FlightdeckException(
          "'" + ref + "' is not NAME:VERSION.",
          "Write e.g. weather:3, weather:latest or weather:champion.");
    }
    String name = ref.substring(0, colon);
    String v = ref.substring(colon + 1);
    r.model(name);
    return r.resolve(name, v)
        .orElseThrow(
            () ->
                new FlightdeckException(
                    "The model '" + name + "' has no version or alias '" + v + "'.",
                    "See 'flightdeck models list'."));
  }

  @Command(
      name = "register",
      description = "Register an .onnx file or a run's ONNX artifact.",
      mixinStandardHelpOptions = true)
  static final class Register implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|RUN_ID")
    String source;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    @Option(
        names = "--artifact",
        paramLabel = "PATH",
        description = "The run's artifact (default model/model.onnx).")
    String artifact = "model/model.onnx";

    @Option(names = "--description", paramLabel = "TEXT")
    String description = "";

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        RegistryService r = ws.registry();
        Path file = Path.of(source);
        ModelVersion v =
            !Files.exists(file) && source.matches("[0-9a-f]{32}")
                ? r.registerRun(source, artifact, name)
                : r.registerFile(file.toAbsolutePath(), name, description);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Registered %s (%s, %d bytes, sha256 %s): %s; inputs %s%n",
            v.ref(),
            v.task(),
            v.size(),
            v.sha256(),
            v.source(),
            v.signature().inputs().stream().map(t -> t.name() + t.shape()).toList());
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "list",
      description = "Models with their versions and aliases.",
      mixinStandardHelpOptions = true)
  static final class ListCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        RegistryService r = ws.registry();
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelInfo m : r.models()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("name", m.name());
          row.put("aliases", r.aliases(m.name()));
          row.put("protected", m.protectedAliases());
          List<Map<String, Object>> versions = new ArrayList<>();
          for (ModelVersion v : r.versions(m.name())) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("version", v.version());
            vm.put("task", v.task());
            vm.put("sha256", v.sha256());
            vm.put("size", v.size());
            vm.put("source", v.source());
            vm.put("runId", v.runId());
            vm.put("created", v.created().toString());
            vm.put("deleted", v.deleted());
            versions.add(vm);
          }
          row.put("versions", versions);
          rows.add(row);
          if (!json) {
            out.printf(
                "%s  aliases %s  protected %s%n",
                m.name(), r.aliases(m.name()), m.protectedAliases());
            for (ModelVersion v : r.versions(m.name())) {
              out.printf(
                  "  v%-3d %-14s %s  %s%s%n",
                  v.version(),
                  v.task(),
                  v.sha256().substring(0, 12),
                  v.source(),
                  v.deleted() ? "  (deleted)" : "");
            }
          }
        }
        if (json) {
          out.println(Json.write(rows));
        } else if (rows.isEmpty()) {
          out.println("No models registered.");
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "alias",
      description = "Move (or set) an alias to a version, with a reason.",
      mixinStandardHelpOptions = true)
  static final class Alias implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS")
    String alias;

    @Parameters(index = "2", paramLabel = "VERSION")
    int version;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Option(names = "--evidence", paramLabel = "evaluation:ID")
    String evidence = "";

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        print(spec, ws.registry().moveAlias(name, alias, version, reason, evidence));
        return 0;
      }
    }
  }

  @Command(
      name = "rollback",
      description = "Move an alias back to the version that held it before.",
      mixinStandardHelpOptions = true)
  static final class Rollback implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS")
    String alias;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        print(spec, ws.registry().rollback(name, alias, reason));
        return 0;
      }
    }
  }

  @Command(
      name = "approve",
      description = "Approve a move of a protected alias (you are the approver).",
      mixinStandardHelpOptions = true)
  static final class Approve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS")
    String alias;

    @Parameters(index = "2", paramLabel = "VERSION")
    int version;

    @Option(names = "--requester", required = true, paramLabel = "USER")
    String requester;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        var a = ws.registry().approve(name, alias, version, requester, reason);
        spec.commandLine()
            .getOut()
            .printf(
                "Approval %d: %s may move '%s' of %s to v%d (approved by %s).%n",
                a.id(), a.requester(), a.alias(), a.model(), a.toVersion(), a.approver());
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  @Command(
      name = "protect",
      description = "Set the aliases of a model whose moves need an approval.",
      mixinStandardHelpOptions = true)
  static final class Protect implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", paramLabel = "ALIAS", arity = "0..*")
    List<String> aliases = new ArrayList<>();

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        ws.registry().protect(name, Set.copyOf(aliases));
        spec.commandLine().getOut().printf("Protected aliases of %s: %s%n", name, aliases);
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  @Command(
      name = "history",
      description = "Every move of a model's aliases, or the holder at a time.",
      mixinStandardHelpOptions = true)
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", arity = "0..1")
    String alias;

    @Option(
        names = "--at",
        paramLabel = "TIME",
        description = "ISO instant, e.g. 2026-11-27T21:00:00Z: which version held ALIAS then.")
    String at;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        RegistryService r = ws.registry();
        PrintWriter out = spec.commandLine().getOut();
        if (at != null) {
          if (alias == null) {
            throw new FlightdeckException(
                "--at needs an ALIAS.",
                "Write e.g. 'models history weather champion --at 2026-11-27T21:00:00Z'.");
          }
          Instant t;
          try {
            t = Instant.parse(at);
          } catch (DateTimeParseException e) {
            throw new FlightdeckException(
                "'" + at + "' is not an ISO instant.", "Write e.g. 2026-11-27T21:00:00Z.");
          }
          var holder = r.holderAt(name, alias, t);
          out.println(
              holder
                  .map(v -> name + ":" + v + " held '" + alias + "' at " + t)
                  .orElse("No version held '" + alias + "' of " + name + " at " + t + "."));
          out.flush();
          return 0;
        }
        List<AliasMove> moves = r.history(name, alias);
        if (json) {
          out.println(Json.write(moves.stream().map(ModelsCommand::toMap).toList()));
        } else if (moves.isEmpty()) {
          out.println("No alias moves.");
        } else {
          moves.forEach(m -> out.println(line(m)));
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "verify",
      description = "Re-hash every registered artifact; exit 3 when one does not match.",
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (LocalWorkspace ws = open(spec)) {
        RegistryVerification v = ws.registry().verify();
        PrintWriter out = spec.commandLine().getOut();
        if (v.consistent()) {
          out.printf(
              "Registry consistent: %d artifacts, 100 %% match their SHA-256.%n", v.checked());
        } else {
          out.printf(
              "Registry INCONSISTENT: %d of %d artifacts do not match.%n",
              v.problems().size(), v.checked());
          v.problems()
              .forEach(
                  p ->
                      out.printf(
                          "  %s:%d %s expected %s, found %s%n",
                          p.model(), p.version(), p.file(), p.expected(), p.actual()));
        }
        out.flush();
        return v.consistent() ? 0 : EXIT_INCONSISTENT;
      }
    }
  }

  static void print(CommandSpec spec, AliasMove m) {
    spec.commandLine().getOut().println(line(m));
    spec.commandLine().getOut().flush();
  }

  static String line(AliasMove m) {
    return String.format(
        "%s  %s '%s': %s -> %s  by %s%s  reason: %s%s",
        m.when(),
        m.model(),
        m.alias(),
        m.fromVersion() == null ? "-" : "v" + m.fromVersion(),
        m.toVersion() == null ? "-" : "v" + m.toVersion(),
        m.who(),
        m.approvedBy() == null || m.approvedBy().isEmpty()
            ? ""
            : " (approved by " + m.approvedBy() + ")",
        m.reason(),
        (m.rollback() ? "  [rollback]" : "")
            + (m.evidence() == null || m.evidence().isEmpty()
                ? ""
                : "  evidence: " + m.evidence()));
  }

  static Map<String, Object> toMap(AliasMove m) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("id", m.id());
    x.put("model", m.model());
    x.put("alias", m.alias());
    x.put("from", m.fromVersion());
    x.put("to", m.toVersion());
    x.put("who", m.who());
    x.put("when", m.when().toString());
    x.put("reason", m.reason());
    x.put("evidence", m.evidence());
    x.put("approvedBy", m.approvedBy());
    x.put("rollback", m.rollback());
    return x;
  }
}
