package io.flightdeck.app.cli;

import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.store.LocalWorkspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flightdeck train --dataset NAME:VERSION --target COL [--model logistic|linear]}. */
@Command(
    name = "train",
    description =
        "Train a built-in model (Tribuo) on a dataset version; the result is an ONNX model.",
    mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "NAME:VERSION")
  String dataset;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "COL",
      description = "The column to predict.")
  String target;

  @Option(
      names = "--feature",
      paramLabel = "COL",
      description = "An input column (repeat; default: every numeric column but the target).")
  List<String> features = new ArrayList<>();

  @Option(names = "--model", paramLabel = "MODEL", description = "logistic (default) or linear.")
  String model = "logistic";

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "epochs, learningRate, seed, validationFraction, minibatch.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--experiment", paramLabel = "NAME", description = "Default: Default.")
  String experiment = "Default";

  @Option(names = "--name", paramLabel = "NAME", description = "The run's name.")
  String name = "";

  @Option(
      names = "--host",
      paramLabel = "NAME",
      description = "Run on this host of the inventory (default: local).")
  String host = "local";

  @Option(names = "--detach", description = "Return once the job has started.")
  boolean detach;

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
          jobs.submitTraining(
              new TrainRequest(
                  DatasetRef.parse(dataset),
                  target,
                  features,
                  model,
                  params,
                  experiment,
                  name,
                  host));
      if (detach) {
        spec.commandLine().getOut().printf("Started run %s (job %s).%n", job.runId(), job.jobId());
        spec.commandLine().getOut().flush();
        return 0;
      }
      return JobWatcher.follow(jobs, ws.tracking().repository(), job, spec.commandLine().getOut());
    }
  }
}
