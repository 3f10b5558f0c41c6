package io.flightdeck.app.cli;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.mlflow.ExportSummary;
import io.flightdeck.core.mlflow.ImportSummary;
import io.flightdeck.core.mlflow.MlflowProgress;
import io.flightdeck.core.mlflow.MlrunsExporter;
import io.flightdeck.core.mlflow.MlrunsImporter;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.store.LocalWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck mlflow import DIR} and {@code flightdeck mlflow export --experiment NAME --out
 * DIR}.
 */
@Command(
    name = "mlflow",
    description = "Read and write MLflow's mlruns/ file store.",
    mixinStandardHelpOptions = true,
    subcommands = {MlflowCommand.ImportCmd.class, MlflowCommand.ExportCmd.class})
final class MlflowCommand {
  @Command(
      name = "import",
      description =
          "Import experiments and runs from an mlruns/ folder (runs already here are skipped).",
      mixinStandardHelpOptions = true)
  static final class ImportCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The mlruns/ folder.")
    Path dir;

    @Override
    public Integer call() throws IOException {
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      PrintWriter err = spec.commandLine().getErr();
      try (LocalWorkspace ws = root.openWorkspace()) {
        ImportSummary s =
            new MlrunsImporter(ws.tracking().repository(), ws.artifacts(), Clock.systemUTC())
                .importFrom(
                    dir.toAbsolutePath(),
                    new MlflowProgress() {
                      @Override
                      public void update(int done, int total, String current) {
                        if (total > 0 && done > 0 && (done % 50 == 0 || done == total)) {
                          err.printf("imported %d of %d runs%n", done, total);
                          err.flush();
                        }
                      }
                    });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Imported %d runs (%d metric points, %d artifacts) into %d experiments (%d new); skipped %d.%n",
            s.runsImported(),
            s.metricPoints(),
            s.artifacts(),
            s.experiments(),
            s.experimentsCreated(),
            s.runsSkipped());
        s.skipped().forEach(r -> out.printf("  skipped %s: %s%n", r.runId(), r.reason()));
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "export",
      description = "Export an experiment (or some of its runs) to an mlruns/ folder.",
      mixinStandardHelpOptions = true)
  static final class ExportCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--experiment", required = true, paramLabel = "NAME")
    String experiment;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Only this run (repeat).")
    List<String> runs = new ArrayList<>();

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "The mlruns/ folder.")
    Path out;

    @Override
    public Integer call() throws IOException {
      FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
      try (LocalWorkspace ws = root.openWorkspace()) {
        TrackingRepository repo = ws.tracking().repository();
        Experiment exp =
            repo.experimentByName(experiment)
                .orElseThrow(
                    () ->
                        new FlightdeckException(
                            "There is no experiment '" + experiment + "'.",
                            "See 'flightdeck runs list'."));
        ExportSummary s =
            new MlrunsExporter(repo, ws.artifacts())
                .export(exp.id(), runs, out.toAbsolutePath(), MlflowProgress.NONE);
        spec.commandLine()
            .getOut()
            .printf(
                "Exported %d runs (%d metric points, %d artifacts) to %s.%n",
                s.runs(), s.metricPoints(), s.artifacts(), s.experimentDir());
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }
}
