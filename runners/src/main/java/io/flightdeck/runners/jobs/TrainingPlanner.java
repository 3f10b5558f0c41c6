package io.flightdeck.runners.jobs;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.jobs.TrainRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a training request against the dataset version before anything is created: the version
 * exists and is usable, the target exists and suits the model, every feature exists and is numeric,
 * and the hyperparameters are numbers in range. Stateless; blocks on the store.
 */
public final class TrainingPlanner {
  /** Hyperparameters the built-in trainers accept, with their defaults. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          "epochs", "10",
          "learningRate", "0.1",
          "seed", "42",
          "validationFraction", "0.2",
          "minibatch", "1");

  private static final Set<ColumnType> NUMERIC = Set.of(ColumnType.INTEGER, ColumnType.DECIMAL);
  private final DatasetService datasets;

  public TrainingPlanner(DatasetService datasets) {
    this.datasets = datasets;
  }

  /** A checked request: features resolved, task chosen, params complete. */
  public record Plan(
      DatasetVersionInfo version,
      String target,
      List<String> features,
      String model,
      String task,
      Map<String, String> params) {}

  /**
   * Checks the request.
   *
   * @throws FlightdeckException naming the column, param or version that is wrong
   */
  public Plan plan(TrainRequest r) {
    DatasetVersionInfo v = datasets.requireUsable(r.dataset());
    String model = r.model() == null || r.model().isBlank() ? "logistic" : r.model();
    if (!model.equals("logistic") && !model.equals("linear")) {
      throw new FlightdeckException(
          "Unknown model '" + model + "'.",
          "Choose 'logistic' (classification) or 'linear' (regression).");
    }
    ColumnSpec target =
        v.column(r.target())
            .orElseThrow(
                () ->
                    new FlightdeckException(
                        "The target column '" + r.target() + "' is not in " + r.dataset() + ".",
                        "Choose one of: " + names(v.schema()) + "."));
    String task = model.equals("logistic") ? "classification" : "regression";
    if (task.equals("regression") && !NUMERIC.contains(target.type())) {
      throw new FlightdeckException(
          "The target column '"
              + target.name()
              + "' is "
              + lower(target.type())
              + ", but a linear regression needs a numeric target.",
          "Choose a numeric target, or train 'logistic' to classify it.");
    }
    if (task.equals("classification")
        && target.type() != ColumnType.CATEGORICAL
        && target.type() != ColumnType.BOOLEAN
        && target.type() != ColumnType.INTEGER
        && target.type() != ColumnType.TEXT) {
      throw new FlightdeckException(
          "The target column '"
              + target.name()
              + "' is "
              + lower(target.type())
              + " and cannot be a class label.",
          "Choose a categorical target, or train 'linear' for a numeric one.");
    }
    List<String> features = new ArrayList<>();
    if (r.features().isEmpty()) {
      for (ColumnSpec c : v.schema()) {
        if (!c.name().equals(target.name()) && NUMERIC.contains(c.type())) {
          features.add(c.name());
        }
      }
      if (features.isEmpty()) {
        throw new FlightdeckException(
            r.dataset() + " has no numeric column besides the target.",
            "Import the data with numeric feature columns.");
      }
    } else {
      for (String f : r.features()) {
        ColumnSpec c =
            v.column(f)
                .orElseThrow(
                    () ->
                        new FlightdeckException(
                            "The feature column '" + f + "' is not in " + r.dataset() + ".",
                            "Choose among: " + names(v.schema()) + "."));
        if (c.name().equals(target.name())) {
          throw new FlightdeckException(
              "The column '" + f + "' is both the target and a feature.",
              "Remove it from the features.");
        }
        if (!NUMERIC.contains(c.type())) {
          throw new FlightdeckException(
              "The feature column '"
                  + f
                  + "' is "
                  + lower(c.type())
                  + "; the built-in trainers take numeric features only.",
              "Leave it out, or encode it as numbers before importing.");
        }
        features.add(f);
      }
    }
    return new Plan(v, target.name(), List.copyOf(features), model, task, params(r.params()));
  }

  private static Map<String, String> params(Map<String, String> given) {
    Map<String, String> p = new LinkedHashMap<>(DEFAULTS);
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (!DEFAULTS.containsKey(e.getKey())) {
        throw new FlightdeckException(
            "Unknown hyperparameter '" + e.getKey() + "'.",
            "The built-in trainers take: "
                + String.join(", ", DEFAULTS.keySet().stream().sorted().toList())
                + ".");
      }
      p.put(e.getKey(), e.getValue().trim());
    }
    number(p, "epochs", 1, 100_000, true);
    number(p, "learningRate", 1e-9, 100, false);
    number(p, "seed", Long.MIN_VALUE, Long.MAX_VALUE, true);
    number(p, "validationFraction", 0.01, 0.9, false);
    number(p, "minibatch", 1, 1_000_000, true);
    return Map.copyOf(p);
  }

  private static void number(
      Map<String, String> p, String key, double min, double max, boolean whole) {
    String s = p.get(key);
    try {
      double d = whole ? Long.parseLong(s) : Double.parseDouble(s);
      if (!(d >= min && d <= max)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          "The hyperparameter "
              + key
              + "='"
              + s
              + "' is not a"
              + (whole ? " whole" : "")
              + " number between "
              + fmt(min)
              + " and "
              + fmt(max)
              + ".",
          "Give a value in that range, e.g. " + key + "=" + DEFAULTS.get(key) + ".");
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String names(List<ColumnSpec> cols) {
    return String.join(", ", cols.stream().map(ColumnSpec::name).toList());
  }

  private static String lower(ColumnType t) {
    return t.name().toLowerCase(Locale.ROOT);
  }
}
