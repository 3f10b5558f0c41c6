package io.flightdeck.core.stats;

import java.util.Map;
import java.util.TreeSet;

/**
 * Two-proportion Z-test, Evidently's {@code proportions_diff_z_test}: the share of values that are
 * not the first category (in the keys' natural order) in the reference against the current, pooled
 * standard error, two-sided p-value {@code 2 * (1 - Phi(|z|))} computed that way (so, like
 * Evidently, it bottoms out at about 2e-16). Meant for binary columns; with more categories it
 * tests the first category against all others. When both sides hold the same single category the
 * p-value is 1 and the statistic 0 (Evidently's special case). Stateless and thread-safe.
 */
public final class ProportionZTest {
  private ProportionZTest() {}

  /**
   * The test outcome.
   *
   * @param statistic the z statistic (reference share minus current share, standardized)
   * @param pValue the two-sided p-value
   */
  public record Result(double statistic, double pValue) {
    /** The drift verdict with Evidently's rule: drift when {@code p < threshold}. */
    public DriftResult toDrift(double threshold) {
      return DriftResult.ofPValue(DriftMethod.Z_TEST, statistic, pValue, threshold);
    }
  }

  /**
   * Runs the test on count maps (see {@link CategoryCounts}); zero counts are ignored.
   *
   * @throws IllegalArgumentException when a side has no positive count or a count is negative
   */
  public static <K extends Comparable<? super K>> Result test(
      Map<K, Long> reference, Map<K, Long> current) {
    long n1 = CategoryCounts.total(reference, "Reference");
    long n2 = CategoryCounts.total(current, "Current");
    TreeSet<K> keys = new TreeSet<>();
    reference.forEach((k, v) -> addPositive(keys, k, v));
    current.forEach((k, v) -> addPositive(keys, k, v));
    K first = keys.first();
    if (keys.size() == 1) {
      return new Result(0.0, 1.0);
    }
    double p1 = (double) (n1 - reference.getOrDefault(first, 0L)) / n1;
    double p2 = (double) (n2 - current.getOrDefault(first, 0L)) / n2;
    double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    return new Result(z, 2 * (1 - NormalDistribution.cdf(Math.abs(z))));
  }

  /** Drift verdict with Evidently's default threshold ({@code p < 0.05}). */
  public static <K extends Comparable<? super K>> DriftResult drift(
      Map<K, Long> reference, Map<K, Long> current) {
    return test(reference, current).toDrift(DriftMethod.Z_TEST.defaultThreshold());
  }

  private static <K> void addPositive(TreeSet<K> keys, K key, Long count) {
    if (count != null && count > 0) {
      keys.add(key);
    }
  }
}
