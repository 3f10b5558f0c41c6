package io.flightdeck.app.cli;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.tracking.query.RunFilter;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flightdeck runs list [--experiment NAME] [--filter EXPR] [--json]}. */
@Command(
    name = "runs",
    description = "Experiment runs.",
    mixinStandardHelpOptions = true,
    subcommands = {RunsCommand.ListCmd.class})
final class RunsCommand {
  @Command(name = "list", description = "Runs, newest first.", mixinStandardHelpOptions = true)
  static final class ListCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment.")
    String experiment;

    @Option(
        names = "--filter",
        paramLabel = "EXPR",
        description = "MLflow filter, e.g. \"metrics.accuracy > 0.8 and params.epochs = '10'\".")
    String filter = "";

    @Option(names = "--json", description = "One JSON array with params, tags and metrics.")
    boolean json;

    @Override
    public Integer call() {
      RunFilter f = RunFilter.parse(filter);
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      try (LocalWorkspace ws = root.openWorkspace()) {
        TrackingRepository repo = ws.tracking().repository();
        Long expId = null;
        if (experiment != null) {
          expId =
              repo.experimentByName(experiment)
                  .map(Experiment::id)
                  .orElseThrow(
                      () ->
                          new FlightdeckException(
                              "There is no experiment '" + experiment + "'.",
                              "Known: "
                                  + repo.experiments().stream()
                                      .map(Experiment::name)
                                      .collect(Collectors.joining(", "))
                                  + "."));
        }
        Map<Long, String> names = new LinkedHashMap<>();
        repo.experiments().forEach(e -> names.put(e.id(), e.name()));
        List<RunRow> rows = repo.runRows(expId).stream().filter(f).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(Json.write(rows.stream().map(r -> toMap(r, names)).toList()));
        } else if (rows.isEmpty()) {
          out.println("No runs" + (filter.isBlank() ? "." : " match the filter."));
        } else {
          out.printf(
              "%-32s  %-10s  %-16s  %-24s  %s%n",
              "RUN", "STATUS", "EXPERIMENT", "NAME", "METRICS (last)");
          for (RunRow r : rows) {
            RunInfo i = r.info();
            String metrics =
                r.metrics().values().stream()
                    .filter(m -> !m.key().startsWith("train/") && !m.key().startsWith("system/"))
                    .limit(4)
                    .map(m -> m.key() + "=" + fmt(m.last()))
                    .collect(Collectors.joining(" "));
            out.printf(
                "%-32s  %-10s  %-16s  %-24s  %s%n",
                i.runId(),
                i.status(),
                cut(names.getOrDefault(i.experimentId(), "?"), 16),
                cut(i.name(), 24),
                metrics);
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  static Map<String, Object> toMap(RunRow r, Map<Long, String> experiments) {
    RunInfo i = r.info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", i.runId());
    m.put("experiment", experiments.get(i.experimentId()));
    m.put("name", i.name());
    m.put("status", i.status().name());
    m.put("start", i.start().toString());
    m.put("end", i.end() == null ? null : i.end().toString());
    m.put("user", i.user());
    m.put("host", i.host());
    m.put("source", i.source());
    m.put("parentRunId", i.parentRunId());
    m.put("params", r.params());
    m.put("tags", r.tags());
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (MetricSummary s : r.metrics().values()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("last", jsonNumber(s.last()));
      v.put("min", jsonNumber(s.min()));
      v.put("max", jsonNumber(s.max()));
      v.put("step", s.lastStep());
      v.put("count", s.count());
      metrics.put(s.key(), v);
    }
    m.put("metrics", metrics);
    return m;
  }

  private static Object jsonNumber(double d) {
    return Double.isFinite(d) ? d : Double.toString(d);
  }

  private static String fmt(double d) {
    return Double.isFinite(d)
        ? String.format(java.util.Locale.ROOT, "%.4g", d)
        : Double.toString(d);
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
