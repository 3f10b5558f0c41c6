package io.flightdeck.app.cli;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.drift.DriftMethodNames;
import io.flightdeck.core.dataset.drift.DriftOptions;
import io.flightdeck.core.dataset.drift.DriftOverTime;
import io.flightdeck.core.dataset.drift.DriftReport;
import io.flightdeck.core.dataset.drift.DriftReports;
import io.flightdeck.core.dataset.report.HtmlDriftReport;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.json.Json;
import io.flightdeck.store.LocalWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flightdeck drift NAME:REF NAME:CUR [--format json|csv|html] [--out FILE]}. */
@Command(
    name = "drift",
    description = "Per-column drift between two dataset versions, and the dataset verdict.",
    mixinStandardHelpOptions = true)
final class DriftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME:REF", description = "The reference version.")
  String reference;

  @Parameters(index = "1", paramLabel = "NAME:CUR", description = "The current version.")
  String current;

  @Option(names = "--format", paramLabel = "FORMAT", description = "json (default), csv or html.")
  String format = "json";

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE instead of the output.")
  Path out;

  @Option(
      names = "--method",
      paramLabel = "COL=METHOD",
      description =
          "Use METHOD for COL: ks, chisquare, z, wasserstein, jensenshannon, psi, kl_div.")
  Map<String, String> methods = new LinkedHashMap<>();

  @Option(names = "--threshold", paramLabel = "COL=X", description = "Drift threshold for COL.")
  Map<String, Double> thresholds = new LinkedHashMap<>();

  @Option(
      names = "--windows",
      paramLabel = "N",
      description =
          "Also split the current version by its time column into N windows (html, json).")
  Integer windows;

  @Override
  public Integer call() throws IOException {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("json") && !fmt.equals("csv") && !fmt.equals("html")) {
      throw new FlightdeckException("Unknown format '" + format + "'.", "Use json, csv or html.");
    }
    DatasetRef ref = DatasetRef.parse(reference);
    DatasetRef cur = DatasetRef.parse(current);
    DriftOptions options = DriftOptions.defaults();
    for (var e : methods.entrySet()) {
      options = options.withMethod(e.getKey(), DriftMethodNames.parse(e.getValue()));
    }
    for (var e : thresholds.entrySet()) {
      options = options.withThreshold(e.getKey(), e.getValue());
    }
    DriftReport report;
    Optional<DriftOverTime> overTime = Optional.empty();
    try (LocalWorkspace ws = ((FlightdeckCommand) spec.root().userObject()).openWorkspace()) {
      DatasetService ds = ws.datasets();
      report = ds.drift(ref, cur, options, ImportProgress.NONE);
      if (windows != null) {
        overTime = Optional.of(ds.driftOverTime(ref, cur, windows, options, ImportProgress.NONE));
      }
    }
    String text =
        switch (fmt) {
          case "csv" -> DriftReports.toCsv(report);
          case "html" -> HtmlDriftReport.render(report, overTime);
          default -> json(report, overTime);
        };
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(text);
      w.flush();
    } else {
      Path abs = out.toAbsolutePath();
      AtomicFiles.writeString(abs, text);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: %d of %d columns drifted (share %.2f): %s. Report written to %s.%n",
              report.current(),
              report.driftedColumns(),
              report.columns().size(),
              report.share(),
              report.datasetDrift() ? "dataset drift" : "no dataset drift",
              abs);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private static String json(DriftReport r, Optional<DriftOverTime> t) {
    if (t.isEmpty()) {
      return DriftReports.toJson(r) + "\n";
    }
    Map<String, Object> m = DriftReports.toMap(r);
    m.put("overTime", t.get());
    return Json.write(m) + "\n";
  }
}
