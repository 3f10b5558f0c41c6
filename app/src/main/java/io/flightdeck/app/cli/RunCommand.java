package io.flightdeck.app.cli;

import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flightdeck run [--workdir DIR] [--env K=V] -- COMMAND...}. */
@Command(
    name = "run",
    description = {
      "Run a command as a tracked job. It reports metrics by printing",
      "'##flightdeck metric KEY VALUE [STEP]' (also 'param', 'tag') or through MLflow's REST API",
      "(MLFLOW_TRACKING_URI and MLFLOW_RUN_ID are set for it)."
    },
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--workdir", paramLabel = "DIR", description = "Working folder (default: here).")
  Path workdir = Path.of("");

  @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "A folder under the working folder whose files become artifacts (default: outputs).")
  String output = "outputs";

  @Option(names = "--experiment", paramLabel = "NAME", description = "Default: Default.")
  String experiment = "Default";

  @Option(names = "--name", paramLabel = "NAME", description = "The run's name.")
  String name = "";

  @Option(
      names = "--host",
      paramLabel = "NAME",
      description = "Run on this host of the inventory (default: local).")
  String host = "local";

  @Option(
      names = "--upload",
      paramLabel = "FILE",
      description =
          "With --host: a file of the working folder (relative path) to copy to the host; repeat.")
  List<String> uploads = new ArrayList<>();

  @Option(names = "--detach", description = "Return once the job has started.")
  boolean detach;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "1..*",
      description = "The program and its arguments.")
  List<String> command;

  @Override
  public Integer call() throws InterruptedException {
    FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
    try (LocalWorkspace ws = root.openWorkspace();
        Fleet jobs =
            LocalJobs.open(
                ws,
                Clock.systemUTC(),
                ConsoleCredentials.remoteHosts(ws),
                line -> {
                  spec.commandLine().getErr().println(line);
                  spec.commandLine().getErr().flush();
                })) {
      JobRecord job =
          jobs.submitCommand(
              new CommandRequest(
                  command, workdir.toAbsolutePath(), env, output, experiment, name, host, uploads));
      if (detach) {
        spec.commandLine().getOut().printf("Started run %s (job %s).%n", job.runId(), job.jobId());
        spec.commandLine().getOut().flush();
        return 0;
      }
      return JobWatcher.follow(jobs, ws.tracking().repository(), job, spec.commandLine().getOut());
    }
  }
}
