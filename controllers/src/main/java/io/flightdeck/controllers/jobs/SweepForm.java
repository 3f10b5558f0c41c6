package io.flightdeck.controllers.jobs;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.jobs.SweepPlan;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.views.jobs.SweepChoices;
import io.flightdeck.views.jobs.SweepChoices.SweepParam;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the Sweep dialog's choices into what {@code SweepService.run} takes. Pure; every problem is
 * a {@link FlightdeckException} that names the field and says what to give.
 */
final class SweepForm {
  /** Jobs at once on this machine (as the command line's default). */
  static final int LOCAL_JOBS = 2;

  /** A sweep ready to run. */
  record Plan(
      String name,
      TrainRequest base,
      List<Map<String, String>> trials,
      Map<String, Integer> hostLimits) {
    /** "4 trials over 2 hosts (local 2, box 4 at once)". */
    String summary() {
      StringBuilder slots = new StringBuilder();
      hostLimits.forEach((h, n) -> slots.append(slots.isEmpty() ? "" : ", ").append(h + " " + n));
      return trials.size()
          + (trials.size() == 1 ? " trial" : " trials")
          + " over "
          + hostLimits.size()
          + (hostLimits.size() == 1 ? " host" : " hosts")
          + " ("
          + slots
          + " at once)";
    }
  }

  private SweepForm() {}

  /**
   * @param maxJobs each inventory host's jobs at once
   */
  static Plan plan(SweepChoices c, Map<String, Integer> maxJobs) {
    List<Map<String, String>> trials = trials(c);
    if (c.hosts().isEmpty()) {
      throw new FlightdeckException("No host is chosen.", "Check at least one host to run on.");
    }
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (String h : c.hosts()) {
      limits.put(h, h.equals(HostConfig.LOCAL) ? LOCAL_JOBS : maxJobs.getOrDefault(h, 1));
    }
    if (c.name().isBlank()) {
      throw new FlightdeckException("The sweep has no name.", "Give a name to find its runs by.");
    }
    if (c.dataset().isBlank()) {
      throw new FlightdeckException("No dataset version is chosen.", "Import a dataset first.");
    }
    if (c.target().isBlank()) {
      throw new FlightdeckException("No target column is chosen.", "Choose the column to predict.");
    }
    TrainRequest base =
        new TrainRequest(
            DatasetRef.parse(c.dataset()),
            c.target(),
            c.features(),
            c.model(),
            Map.of(),
            c.experiment().isBlank() ? "Default" : c.experiment().strip(),
            "");
    return new Plan(c.name().strip(), base, trials, limits);
  }

  /** The trials of the grid or random draws. */
  static List<Map<String, String>> trials(SweepChoices c) {
    Map<String, String> rows = rows(c.params());
    if (!c.random()) {
      Map<String, List<String>> grid = new LinkedHashMap<>();
      rows.forEach(
          (k, v) ->
              grid.put(
                  k,
                  Arrays.stream(v.split(","))
                      .map(String::strip)
                      .filter(s -> !s.isEmpty())
                      .toList()));
      return SweepPlan.grid(grid);
    }
    long n = number("Trials", c.trials());
    int trials = (int) Math.max(0, Math.min(n, SweepPlan.MAX_TRIALS + 1L));
    return SweepPlan.random(rows, trials, number("Seed", c.seed()));
  }

  private static Map<String, String> rows(List<SweepParam> params) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SweepParam p : params) {
      String k = p.key().strip();
      String v = p.values().strip();
      if (k.isEmpty() && v.isEmpty()) {
        continue;
      }
      if (k.isEmpty()) {
        throw new FlightdeckException(
            "The values '" + v + "' have no hyperparameter name.", "Give the name (epochs, ...).");
      }
      if (v.isEmpty()) {
        throw new FlightdeckException(
            "'" + k + "' has no values.", "Give its values, or remove it.");
      }
      if (out.put(k, v) != null) {
        throw new FlightdeckException("'" + k + "' is listed twice.", "Keep one row per name.");
      }
    }
    if (out.isEmpty()) {
      throw new FlightdeckException(
          "No hyperparameter to sweep over.", "Add one, for example epochs with 5,10.");
    }
    return out;
  }

  private static long number(String field, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          field + " '" + text.strip() + "' is not a whole number.", "Give a number such as 10.");
    }
  }
}
