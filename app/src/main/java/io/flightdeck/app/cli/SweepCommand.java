package io.flightdeck.app.cli;

import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.app.jobs.RemoteHosts;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.SweepPlan;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.runners.jobs.Fleet;
import io.flightdeck.runners.jobs.SweepRunner;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck sweep --dataset D:V --target COL --grid epochs=5,10 --hosts a,b,c}: a
 * hyperparameter sweep of built-in training across hosts, each host at most its limit of jobs.
 */
@Command(
    name = "sweep",
    description =
        "Train one run per hyperparameter combination (grid) or draw (random) across hosts in"
            + " parallel; runs are tagged flightdeck.sweep=NAME (Runs ▸ Group by that tag).",
    mixinStandardHelpOptions = true)
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "NAME:VERSION")
  String dataset;

  @Option(names = "--target", required = true, paramLabel = "COL")
  String target;

  @Option(names = "--feature", paramLabel = "COL")
  List<String> features = new ArrayList<>();

  @Option(names = "--model", paramLabel = "MODEL", description = "logistic (default) or linear.")
  String model = "logistic";

  @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Fixed hyperparameters.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--grid",
      paramLabel = "KEY=V1,V2",
      description = "Grid values of one hyperparameter (repeat).")
  Map<String, String> grid = new LinkedHashMap<>();

  @Option(
      names = "--random",
      paramLabel = "KEY=SPACE",
      description = "Random: LO..HI, log:LO..HI or A,B,C (repeat; with --trials).")
  Map<String, String> random = new LinkedHashMap<>();

  @Option(names = "--trials", paramLabel = "N", description = "Random trials (default 10).")
  int trials = 10;

  @Option(names = "--seed", paramLabel = "N")
  long seed = 42;

  @Option(
      names = "--hosts",
      split = ",",
      paramLabel = "NAME",
      description = "Hosts to use, comma-separated (default: local); each at its max jobs.")
  List<String> hosts = new ArrayList<>(List.of("local"));

  @Option(names = "--local-jobs", paramLabel = "N", description = "Jobs at once on local (2).")
  int localJobs = 2;

  @Option(names = "--experiment", paramLabel = "NAME")
  String experiment = "Default";

  @Option(names = "--name", paramLabel = "NAME", description = "The sweep's name.")
  String name = "";

  @Override
  public Integer call() throws InterruptedException {
    if (grid.isEmpty() == random.isEmpty()) {
      throw new FlightdeckException(
          "Give either --grid or --random hyperparameters.",
          "For example --grid epochs=5,10 --grid learningRate=0.1,0.5, or --random"
              + " learningRate=log:0.01..1 --trials 8.");
    }
    Map<String, List<String>> g = new LinkedHashMap<>();
    grid.forEach((k, v) -> g.put(k, Arrays.asList(v.split(","))));
    List<Map<String, String>> plan =
        grid.isEmpty() ? SweepPlan.random(random, trials, seed) : SweepPlan.grid(g);
    String sweepName =
        name.isBlank() ? "sweep-" + Long.toString(System.currentTimeMillis(), 36) : name;
    FlightdeckCommand root = (FlightdeckCommand) spec.root().userObject();
    PrintWriter out = spec.commandLine().getOut();
    try (LocalWorkspace ws = root.openWorkspace()) {
      Map<String, Integer> limits = new LinkedHashMap<>();
      for (String h : hosts) {
        limits.put(
            h.trim(),
            h.trim().equals(HostConfig.LOCAL) ? localJobs : ws.hosts().require(h.trim()).maxJobs());
      }
      RemoteHosts remote = ConsoleCredentials.remoteHosts(ws);
      try (Fleet fleet =
          LocalJobs.open(
              ws,
              Clock.systemUTC(),
              remote,
              line -> {
                out.println(line);
                out.flush();
              })) {
        TrainRequest base =
            new TrainRequest(
                DatasetRef.parse(dataset), target, features, model, params, experiment, "");
        out.printf("Sweep %s: %d trials over %s%n", sweepName, plan.size(), limits);
        out.flush();
        List<io.flightdeck.core.jobs.SweepService.Trial> results =
            new SweepRunner(fleet, ws.tracking())
                .run(
                    sweepName,
                    base,
                    plan,
                    limits,
                    s -> {
                      out.println(s);
                      out.flush();
                    });
        int failed = 0;
        for (io.flightdeck.core.jobs.SweepService.Trial t : results) {
          String state = t.job() == null ? "NOT STARTED: " + t.error() : t.job().state().name();
          out.printf(
              "  #%d %s on %s: %s%s%n",
              t.index() + 1,
              t.params(),
              t.host(),
              state,
              t.job() == null ? "" : " (run " + t.job().runId() + ")");
          if (t.job() == null || !t.job().state().name().equals("SUCCEEDED")) {
            failed++;
          }
        }
        out.printf(
            "Sweep %s: %d of %d succeeded.%n", sweepName, results.size() - failed, results.size());
        out.flush();
        return failed == 0 ? 0 : 1;
      }
    }
  }
}
