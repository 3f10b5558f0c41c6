package io.flightdeck.agent;

import io.flightdeck.core.error.FlightdeckException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job spec as {@code start} carries it (see {@code docs/agent-protocol.md}, "Job specs"), checked
 * when it is read so that a bad spec is refused in the {@code start} reply, not later.
 */
sealed interface JobSpec permits JobSpec.Train, JobSpec.Command {
  /** Seconds between host samples ({@code systemMetricsSeconds}, default 5); 0 turns them off. */
  double systemMetricsSeconds();

  /**
   * Built-in training.
   *
   * @param features the feature columns; empty means every numeric column but the target
   * @param params hyperparameters as strings (epochs, learningRate, seed, validationFraction,
   *     minibatch)
   */
  record Train(
      Path data,
      String target,
      List<String> features,
      String model,
      String task,
      Map<String, String> params,
      String outputDir,
      double systemMetricsSeconds)
      implements JobSpec {}

  /** A command run with an MLflow-compatible endpoint for its run. */
  record Command(
      List<String> argv,
      String workdir,
      Map<String, String> env,
      String outputDir,
      String experimentId,
      String experimentName,
      String runName,
      double systemMetricsSeconds)
      implements JobSpec {}

  /**
   * Reads a spec.
   *
   * @throws FlightdeckException naming the field that is missing or wrong
   */
  static JobSpec parse(Map<String, Object> m) {
    Object kind = m.get("kind");
    if ("train".equals(kind)) {
      String model = text(m, "model", "logistic");
      String task = text(m, "task", model.equals("linear") ? "regression" : "classification");
      if (!List.of("logistic", "linear").contains(model)) {
        throw bad("model", "is '" + model + "'; use \"logistic\" or \"linear\"");
      }
      if (!(model.equals("logistic") ? "classification" : "regression").equals(task)) {
        throw bad("task", "is '" + task + "', which model '" + model + "' cannot do");
      }
      Map<String, String> params = new LinkedHashMap<>();
      if (m.get("params") instanceof Map<?, ?> p) {
        p.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
      } else if (m.get("params") != null) {
        throw bad("params", "is not an object");
      }
      return new Train(
          Path.of(required(m, "data")),
          required(m, "target"),
          strings(m, "features"),
          model,
          task,
          params,
          text(m, "outputDir", null),
          systemMetricsSeconds(m));
    }
    if ("command".equals(kind)) {
      List<String> argv = strings(m, "argv");
      if (argv.isEmpty()) {
        throw bad("argv", "is missing or empty; give the command and its arguments as a list");
      }
      Map<String, String> env = new LinkedHashMap<>();
      if (m.get("env") instanceof Map<?, ?> e) {
        e.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
      } else if (m.get("env") != null) {
        throw bad("env", "is not an object");
      }
      return new Command(
          argv,
          text(m, "workdir", null),
          env,
          text(m, "outputDir", "out"),
          text(m, "experimentId", "0"),
          text(m, "experimentName", "Default"),
          text(m, "runName", ""),
          systemMetricsSeconds(m));
    }
    throw bad(
        "kind",
        "is " + (kind == null ? "missing" : "'" + kind + "'") + "; use \"train\" or \"command\"");
  }

  /** {@code systemMetricsSeconds}: a number (or a string holding one), 0 or 0.1 to 3600. */
  private static double systemMetricsSeconds(Map<String, Object> m) {
    Object v = m.get("systemMetricsSeconds");
    if (v == null) {
      return HostSampler.DEFAULT_SECONDS;
    }
    double d;
    try {
      d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d == 0 || (d >= 0.1 && d <= 3600))) {
      throw bad(
          "systemMetricsSeconds",
          "is '" + v + "'; give seconds between host samples, 0.1 to 3600, or 0 for none");
    }
    return d;
  }

  private static String required(Map<String, Object> m, String field) {
    String v = text(m, field, null);
    if (v == null || v.isBlank()) {
      throw bad(field, "is missing");
    }
    return v;
  }

  private static String text(Map<String, Object> m, String field, String dflt) {
    Object v = m.get(field);
    return v == null ? dflt : String.valueOf(v);
  }

  private static List<String> strings(Map<String, Object> m, String field) {
    Object v = m.get(field);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    } else if (v != null) {
      throw bad(field, "is not a list of strings");
    }
    return out;
  }

  private static FlightdeckException bad(String field, String what) {
    return new FlightdeckException(
        "The job spec's field '" + field + "' " + what + ".",
        "See \"Job specs\" in docs/agent-protocol.md.");
  }
}
