package io.flightdeck.app.cli;

import io.flightdeck.core.dataset.BadRowPolicy;
import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetSummary;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.TextEncoding;
import io.flightdeck.core.dataset.contract.SchemaContract;
import io.flightdeck.core.dataset.contract.ValidationIssue;
import io.flightdeck.core.dataset.contract.ValidationReport;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import io.flightdeck.store.LocalWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flightdeck datasets import|list|validate|export|sample|profile|contract|override}. */
@Command(
    name = "datasets",
    description = "Import, list, validate and export feature datasets.",
    mixinStandardHelpOptions = true,
    subcommands = {
      DatasetsCommand.ImportCmd.class,
      DatasetsCommand.ListCmd.class,
      DatasetsCommand.ValidateCmd.class,
      DatasetsCommand.ExportCmd.class,
      DatasetsCommand.SampleCmd.class,
      DatasetsCommand.ProfileCmd.class,
      DatasetsCommand.ContractCmd.class,
      DatasetsCommand.OverrideCmd.class
    })
final class DatasetsCommand {
  /** Exit code of {@code datasets validate} when the version fails its contract. */
  static final int EXIT_INVALID = 3;

  private DatasetsCommand() {}

  static LocalWorkspace open(CommandSpec spec) {
    return ((FlightdeckCommand) spec.root().userObject()).openWorkspace();
  }

  @Command(
      name = "import",
      description = "Import a CSV (or .csv.gz) file as the next version of a dataset.",
      mixinStandardHelpOptions = true)
  static final class ImportCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The dataset.")
    String name;

    @Option(names = "--target", paramLabel = "COL", description = "The target column.")
    String target;

    @Option(names = "--time", paramLabel = "COL", description = "The time column.")
    String time;

    @Option(
        names = "--skip-bad-rows",
        description = "Skip ragged rows and rows with values of the wrong type, and count them.")
    boolean skipBadRows;

    @Option(
        names = "--encoding",
        paramLabel = "ENC",
        description = "utf-8 or latin-1 (default: detect UTF-8, refuse other bytes).")
    String encoding;

    @Option(names = "--json", description = "Print the new version as JSON.")
    boolean json;

    @Override
    public Integer call() {
      Optional<TextEncoding> enc =
          encoding == null ? Optional.empty() : Optional.of(parseEncoding(encoding));
      try (LocalWorkspace ws = open(spec)) {
        DatasetService ds = ws.datasets();
        ImportPreview p = ds.preview(file, enc, Optional.empty());
        if (p.encodingProblem().isPresent() && enc.isEmpty()) {
          throw new FlightdeckException(
              "The file "
                  + file
                  + " is not valid UTF-8: "
                  + p.encodingProblem().get().message()
                  + ".",
              "If it is Latin-1 (ISO-8859-1), import it with --encoding latin-1.");
        }
        ImportRequest req = ImportRequest.from(p, name);
        req = req.withBadRows(skipBadRows ? BadRowPolicy.SKIP_AND_COUNT : BadRowPolicy.FAIL);
        if (time != null) {
          req = req.withRole(time, ColumnRole.TIME);
        }
        if (target != null) {
          req = req.withRole(target, ColumnRole.TARGET);
        }
        DatasetVersionInfo v = ds.importCsv(req, ImportProgress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(Json.write(Views.version(v)));
        } else {
          out.printf(
              "Imported %s: %d rows, %d columns%s.%n",
              v.ref(),
              v.lineage().rows(),
              v.schema().size(),
              v.lineage().skippedRows() > 0
                  ? ", " + v.lineage().skippedRows() + " bad rows skipped"
                  : "");
          for (ColumnSpec c : v.schema()) {
            out.printf(
                "  %-24s %-11s %s%n",
                c.name(),
                c.type(),
                c.role() == ColumnRole.FEATURE
                    ? ""
                    : c.role().name().toLowerCase(java.util.Locale.ROOT));
          }
          p.notes().forEach(n -> out.println("Note: " + n));
        }
        out.flush();
      }
      return 0;
    }
  }

  static TextEncoding parseEncoding(String text) {
    try {
      return TextEncoding.parse(text);
    } catch (IllegalArgumentException e) {
      throw new FlightdeckException(e.getMessage(), "", e);
    }
  }

  @Command(
      name = "list",
      description = "List datasets with their newest version.",
      mixinStandardHelpOptions = true)
  static final class ListCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
      List<DatasetSummary> list;
      try (LocalWorkspace ws = open(spec)) {
        list = ws.datasets().list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(list.stream().map(Views::summary).toList()));
      } else if (list.isEmpty()) {
        out.println(
            "No datasets. Import one with 'flightdeck datasets import FILE --name NAME',"
                + " or load the sample with 'flightdeck datasets sample'.");
      } else {
        out.printf(
            "%-32s %8s %10s %8s  %-14s %s%n",
            "NAME", "VERSIONS", "ROWS", "COLUMNS", "VALIDATION", "IMPORTED");
        for (DatasetSummary s : list) {
          DatasetVersionInfo v = s.latest();
          out.printf(
              "%-32s %8d %10d %8d  %-14s %s%n",
              s.name(),
              s.versions(),
              v.lineage().rows(),
              v.schema().size(),
              Views.status(v),
              v.lineage().importedAt());
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "validate",
      description = "Validate a version against the dataset's contract (exit 0 passed, 3 failed).",
      mixinStandardHelpOptions = true)
  static final class ValidateCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME:VERSION", description = "The version to validate.")
    String version;

    @Option(
        names = "--against",
        paramLabel = "NAME:VERSION",
        description = "Derive the contract from this version instead of the saved one.")
    String against;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
      DatasetRef ref = DatasetRef.parse(version);
      Optional<DatasetRef> ag =
          against == null ? Optional.empty() : Optional.of(DatasetRef.parse(against));
      ValidationReport r;
      try (LocalWorkspace ws = open(spec)) {
        r = ws.datasets().validate(ref, ag);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(Views.validation(r)));
      } else {
        out.printf(
            "%s %s against %s: %d errors, %d warnings.%n",
            r.version(), r.passed() ? "PASSED" : "FAILED", r.against(), r.errors(), r.warnings());
        for (ValidationIssue i : r.issues()) {
          out.printf(
              "  %-7s %-15s %s%s%n",
              i.severity(),
              i.kind(),
              i.message(),
              i.exampleLines().isEmpty() ? "" : " Lines: " + i.exampleLines());
        }
      }
      out.flush();
      return r.passed() ? 0 : EXIT_INVALID;
    }
  }

  @Command(
      name = "export",
      description = "Write a version back to CSV.",
      mixinStandardHelpOptions = true)
  static final class ExportCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME:VERSION", description = "The version to export.")
    String version;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The CSV file to write (.gz to compress).")
    Path out;

    @Override
    public Integer call() {
      long rows;
      try (LocalWorkspace ws = open(spec)) {
        rows = ws.datasets().export(DatasetRef.parse(version), out, ImportProgress.NONE);
      }
      spec.commandLine().getOut().printf("Wrote %d rows to %s.%n", rows, out.toAbsolutePath());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "sample",
      description =
          "Load the sample dataset (Seattle weather, two versions with drift and a broken contract).",
      mixinStandardHelpOptions = true)
  static final class SampleCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<DatasetVersionInfo> vs;
      try (LocalWorkspace ws = open(spec)) {
        vs = ws.datasets().loadSample(ImportProgress.NONE);
      }
      PrintWriter out = spec.commandLine().getOut();
      for (DatasetVersionInfo v : vs) {
        out.printf(
            "Loaded %s: %d rows (%s), validation %s.%n",
            v.ref(), v.lineage().rows(), v.lineage().sourcePath(), Views.status(v));
      }
      out.printf(
          "Try: flightdeck drift %s %s --format html --out drift.html%n",
          vs.get(0).ref(), vs.get(1).ref());
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "profile",
      description = "Show a version's column profiles.",
      mixinStandardHelpOptions = true)
  static final class ProfileCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME:VERSION", description = "The version.")
    String version;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      List<ColumnProfile> ps;
      try (LocalWorkspace ws = open(spec)) {
        ps = ws.datasets().profiles(DatasetRef.parse(version));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(ps));
      } else {
        out.printf(
            "%-24s %-11s %9s %8s %9s %12s %12s %12s%n",
            "COLUMN", "TYPE", "COUNT", "MISSING", "DISTINCT", "MIN", "MEAN", "MAX");
        for (ColumnProfile p : ps) {
          out.printf(
              "%-24s %-11s %9d %8d %9s %12s %12s %12s%n",
              p.column(),
              p.type(),
              p.count(),
              p.missing(),
              (p.distinctExact() ? "" : "~") + p.distinct(),
              Views.num(p.min()),
              Views.num(p.mean()),
              Views.num(p.max()));
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "contract",
      description = "Show, derive or replace a dataset's schema contract (JSON).",
      mixinStandardHelpOptions = true)
  static final class ContractCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The dataset.")
    String name;

    @Option(
        names = "--derive-from",
        paramLabel = "NAME:VERSION",
        description = "Derive from this version (10 % tolerance) and save.")
    String deriveFrom;

    @Option(
        names = "--from-file",
        paramLabel = "FILE",
        description = "Save the contract in this JSON file (e.g. an edited one).")
    Path fromFile;

    @Override
    public Integer call() throws IOException {
      SchemaContract c;
      try (LocalWorkspace ws = open(spec)) {
        DatasetService ds = ws.datasets();
        if (deriveFrom != null) {
          c = ds.deriveContract(DatasetRef.parse(deriveFrom));
          ds.saveContract(c);
        } else if (fromFile != null) {
          c = SchemaContract.fromJson(Files.readString(fromFile, StandardCharsets.UTF_8));
          if (!c.dataset().equals(name)) {
            throw new FlightdeckException(
                "The contract in " + fromFile + " is for " + c.dataset() + ", not " + name + ".",
                "Edit its \"dataset\" field or name the right dataset.");
          }
          ds.saveContract(c);
        } else {
          c =
              ds.contract(name)
                  .orElseThrow(
                      () ->
                          new FlightdeckException(
                              "No contract is saved for " + name + ".",
                              "Derive one with --derive-from " + name + ":1."));
        }
      }
      spec.commandLine().getOut().println(c.toJson());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "override",
      description = "Allow a version that failed validation to be used, with a reason (audited).",
      mixinStandardHelpOptions = true)
  static final class OverrideCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME:VERSION", description = "The version.")
    String version;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why it may be used.")
    String reason;

    @Override
    public Integer call() {
      DatasetVersionInfo v;
      try (LocalWorkspace ws = open(spec)) {
        v = ws.datasets().overrideFailedValidation(DatasetRef.parse(version), reason);
      }
      spec.commandLine()
          .getOut()
          .printf("%s may be used: %s%n", v.ref(), v.overrideReason().orElse(""));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** JSON shapes of the records, kept stable for scripts. */
  static final class Views {
    private Views() {}

    static String status(DatasetVersionInfo v) {
      return v.validation().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + (v.overrideReason().isPresent() ? " (overridden)" : "");
    }

    static String num(Double d) {
      return d == null ? "" : String.format(java.util.Locale.ROOT, "%.5g", d);
    }

    static Map<String, Object> version(DatasetVersionInfo v) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dataset", v.ref().name());
      m.put("version", v.ref().version());
      m.put("rows", v.lineage().rows());
      m.put("columns", v.schema().size());
      m.put("skippedRows", v.lineage().skippedRows());
      m.put("source", v.lineage().sourcePath());
      m.put("sourceSha256", v.lineage().sourceSha256());
      m.put("sourceSize", v.lineage().sourceSize());
      m.put("importedBy", v.lineage().importedBy());
      m.put("importedAt", v.lineage().importedAt().toString());
      m.put("validation", v.validation().name());
      v.overrideReason().ifPresent(r -> m.put("overrideReason", r));
      m.put(
          "schema",
          v.schema().stream()
              .map(
                  c ->
                      Map.of(
                          "name",
                          c.name(),
                          "type",
                          c.type().name(),
                          "role",
                          c.role().name(),
                          "format",
                          c.format()))
              .toList());
      return m;
    }

    static Map<String, Object> summary(DatasetSummary s) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("versions", s.versions());
      m.put("hasContract", s.hasContract());
      m.put("created", s.created().toString());
      m.put("latest", version(s.latest()));
      return m;
    }

    static Map<String, Object> validation(ValidationReport r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", r.version());
      m.put("against", r.against());
      m.put("passed", r.passed());
      m.put("errors", r.errors());
      m.put("warnings", r.warnings());
      m.put("rows", r.rows());
      m.put(
          "issues",
          r.issues().stream()
              .map(
                  i -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("kind", i.kind().name());
                    e.put("severity", i.severity().name());
                    e.put("column", i.column());
                    e.put("count", i.count());
                    e.put("exampleLines", i.exampleLines());
                    e.put("message", i.message());
                    return e;
                  })
              .toList());
      return m;
    }
  }
}
