package io.flightdeck.runners.jobs;

import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.TrackingNames;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.runners.agent.AgentConnector;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a request and prepares what the agent needs (the job spec, staged data) before any run
 * exists, so that a wrong request leaves nothing behind. Blocks on the store and the host.
 */
final class JobSubmitter {
  private final DatasetService datasets;
  private final TrainingPlanner planner;
  private final AgentConnector connector;

  JobSubmitter(
      TrackingService tracking, DatasetService datasets, AgentConnector connector, Clock clock) {
    this.datasets = datasets;
    this.planner = new TrainingPlanner(datasets);
    this.connector = connector;
  }

  /** A checked job, ready to be created and started. */
  record Prepared(
      String kind,
      String experiment,
      String runName,
      String source,
      Map<String, Object> spec,
      List<RunInput> inputs) {}

  Prepared training(TrainRequest r) {
    TrainingPlanner.Plan plan = planner.plan(r);
    String experiment = experiment(r.experiment());
    String dataPath = stageDataset(plan.version());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("kind", "train");
    spec.put("data", dataPath);
    spec.put("target", plan.target());
    spec.put("features", plan.features());
    spec.put("model", plan.model());
    spec.put("task", plan.task());
    spec.put("params", plan.params());
    String name =
        r.runName() == null || r.runName().isBlank()
            ? plan.model() + " " + plan.version().ref()
            : r.runName();
    RunInput input =
        new RunInput(
            plan.version().ref().name(),
            plan.version().ref().version(),
            plan.version().dataSha256(),
            "training");
    return new Prepared("train", experiment, name, "builtin:" + plan.model(), spec, List.of(input));
  }

  Prepared command(CommandRequest r) {
    if (r.argv().isEmpty() || r.argv().get(0).isBlank()) {
      throw new FlightdeckException("No command was given.", "Give the program and its arguments.");
    }
    String experiment = experiment(r.experiment());
    Path workdir = r.workdir().toAbsolutePath().normalize();
    if (connector.host().equals("local")) {
      if (!Files.isDirectory(workdir)) {
        throw new FlightdeckException(
            "The working folder " + workdir + " does not exist.", "Choose an existing folder.");
      }
      if (findExecutable(r.argv().get(0), workdir).isEmpty()) {
        throw new FlightdeckException(
            "Command not found: '" + r.argv().get(0) + "'.",
            "Check the spelling, give its full path, or install it; the search PATH is "
                + System.getenv().getOrDefault("PATH", "(empty)")
                + ".");
      }
    }
    if (!r.outputDir().isEmpty()) {
      TrackingNames.artifactPath(r.outputDir());
    }
    for (String key : r.env().keySet()) {
      if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new FlightdeckException(
            "'" + key + "' is not an environment variable name.",
            "Use letters, digits and '_' only, not starting with a digit.");
      }
    }
    String hostWorkdir = workdir.toString();
    if (!connector.host().equals("local")) {
      try {
        hostWorkdir = connector.prepareWorkdir(workdir, r.uploads());
      } catch (IOException e) {
        throw new FlightdeckException(
            "Cannot copy the working files to " + connector.host() + ": " + e.getMessage(),
            "Check the connection and free disk space on the host.",
            e);
      }
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("kind", "command");
    spec.put("argv", r.argv());
    spec.put("workdir", hostWorkdir);
    spec.put("env", r.env());
    spec.put("outputDir", r.outputDir());
    String name =
        r.runName() == null || r.runName().isBlank()
            ? Path.of(r.argv().get(0)).getFileName().toString()
            : r.runName();
    return new Prepared("command", experiment, name, String.join(" ", r.argv()), spec, List.of());
  }

  private static String experiment(String name) {
    return TrackingNames.experimentName(name == null || name.isBlank() ? "Default" : name);
  }

  private String stageDataset(DatasetVersionInfo v) {
    try {
      Optional<String> staged = connector.staged(v.dataSha256(), ".csv");
      if (staged.isPresent()) {
        return staged.get();
      }
      Path tmp = Files.createTempFile("flightdeck-train-", ".csv");
      try {
        datasets.export(v.ref(), tmp, io.flightdeck.core.dataset.ImportProgress.NONE);
        return connector.stage(tmp, v.dataSha256(), ".csv");
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot make " + v.ref() + " available on " + connector.host() + ": " + e.getMessage(),
          "Check free disk space and permissions.",
          e);
    }
  }

  /** Resolves a program like a shell would: a path with '/', else each PATH entry. */
  static Optional<Path> findExecutable(String program, Path workdir) {
    if (program.contains("/")) {
      Path p = workdir.resolve(program);
      return Files.isExecutable(p) && !Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
