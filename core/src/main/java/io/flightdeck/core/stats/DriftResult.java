package io.flightdeck.core.stats;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The outcome of one drift test on one column.
 *
 * @param method the method that produced it
 * @param statistic the test statistic (KS D, chi-square, z) or, for distances, the distance itself
 * @param pValue the p-value for the p-value tests; empty for distances
 * @param threshold the threshold the verdict used
 * @param drifted the verdict: {@code method.rule().isDrift(score(), threshold)}
 */
public record DriftResult(
    DriftMethod method,
    double statistic,
    OptionalDouble pValue,
    double threshold,
    boolean drifted) {

  /** Validates that {@code method} and {@code pValue} are set and agree with each other. */
  public DriftResult {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pValue, "pValue");
    if (method.isPValueTest() != pValue.isPresent()) {
      throw new IllegalArgumentException(
          method + (pValue.isPresent() ? " yields no p-value" : " needs a p-value"));
    }
  }

  /** A p-value test result; the verdict follows the method's rule. */
  public static DriftResult ofPValue(
      DriftMethod method, double statistic, double pValue, double threshold) {
    return new DriftResult(
        method,
        statistic,
        OptionalDouble.of(pValue),
        threshold,
        method.rule().isDrift(pValue, threshold));
  }

  /** A distance result; drift when {@code distance >= threshold}. */
  public static DriftResult ofDistance(DriftMethod method, double distance, double threshold) {
    return new DriftResult(
        method,
        distance,
        OptionalDouble.empty(),
        threshold,
        method.rule().isDrift(distance, threshold));
  }

  /** Evidently's "drift score": the p-value for tests, the distance for distances. */
  public double score() {
    return pValue.isPresent() ? pValue.getAsDouble() : statistic;
  }
}
