package io.flightdeck.views.jobs;

import java.util.List;

/**
 * What the user chose in the Sweep dialog, as typed.
 *
 * @param dataset "name:version"
 * @param target the target column
 * @param features chosen feature columns (empty = all numeric)
 * @param model logistic or linear
 * @param name the sweep's name
 * @param random true for random draws, false for a grid
 * @param params the hyperparameter rows, in table order
 * @param trials the number of random trials, as typed
 * @param seed the random seed, as typed
 * @param experiment experiment name
 * @param hosts the checked hosts, in list order
 */
public record SweepChoices(
    String dataset,
    String target,
    List<String> features,
    String model,
    String name,
    boolean random,
    List<SweepParam> params,
    String trials,
    String seed,
    String experiment,
    List<String> hosts) {
  public SweepChoices {
    features = List.copyOf(features);
    params = List.copyOf(params);
    hosts = List.copyOf(hosts);
  }

  /**
   * One row of the hyperparameter table.
   *
   * @param key the hyperparameter ("epochs")
   * @param values grid values "5,10", or a random space "3..20", "log:0.01..1", "a,b"
   */
  public record SweepParam(String key, String values) {}

  /**
   * A host offered for a sweep.
   *
   * @param name "local" or a host of the inventory
   * @param maxJobs how many jobs it runs at once
   */
  public record HostSlot(String name, int maxJobs) {}
}
