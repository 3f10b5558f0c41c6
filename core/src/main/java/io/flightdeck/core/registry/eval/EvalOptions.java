package io.flightdeck.core.registry.eval;

import java.util.Map;

/**
 * How to evaluate a model version on a dataset version.
 *
 * @param target the dataset column holding the true values; null or blank for the column whose role
 *     is TARGET
 * @param columnMapping model feature to dataset column, for features whose column has another name;
 *     empty when every feature has a column of the same name
 * @param groupColumn the column whose values split rows into groups for fairness, or null for none
 * @param permutationRepeats shuffles per feature for permutation importance; 0 skips it
 * @param seed the seed of the importance sample and shuffles (same seed, same result)
 * @param positiveLabel the class called positive for fairness (classification), or null for {@link
 *     Fairness#defaultPositive}
 */
public record EvalOptions(
    String target,
    Map<String, String> columnMapping,
    String groupColumn,
    int permutationRepeats,
    long seed,
    String positiveLabel) {
  /** Copies the mapping; refuses negative repeats. */
  public EvalOptions {
    columnMapping = columnMapping == null ? Map.of() : Map.copyOf(columnMapping);
    if (permutationRepeats < 0) {
      throw new IllegalArgumentException("permutationRepeats must be >= 0: " + permutationRepeats);
    }
  }

  /** Options with the default positive class. */
  public EvalOptions(
      String target,
      Map<String, String> columnMapping,
      String groupColumn,
      int permutationRepeats,
      long seed) {
    this(target, columnMapping, groupColumn, permutationRepeats, seed, null);
  }

  /**
   * The dataset's target column, names unchanged, no fairness, {@link
   * PermutationImportance#DEFAULT_REPEATS} repeats, seed 42.
   */
  public static EvalOptions defaults() {
    return new EvalOptions(null, Map.of(), null, PermutationImportance.DEFAULT_REPEATS, 42L);
  }
}
