package io.flightdeck.core.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs any {@link DriftMethod} on a pair of samples: numbers (NaN and infinities dropped; counted
 * as categories for chi-square and the Z-test, binned as {@link BinnedShares} for JS, PSI and KL)
 * or category counts. Stateless and thread-safe; inputs are not modified.
 */
public final class DriftTests {
  private DriftTests() {}

  /**
   * Runs a method on two numeric samples.
   *
   * @throws IllegalArgumentException when a sample has no finite value
   */
  public static DriftResult numeric(
      DriftMethod method, double[] reference, double[] current, double threshold) {
    return numericSorted(
        method,
        Samples.finiteSorted(reference, "Reference"),
        Samples.finiteSorted(current, "Current"),
        threshold);
  }

  /** {@link #numeric} on finite, sorted, non-empty samples. */
  static DriftResult numericSorted(
      DriftMethod method, double[] ref, double[] cur, double threshold) {
    return switch (method) {
      case KOLMOGOROV_SMIRNOV ->
          KolmogorovSmirnovTest.testSorted(ref, cur, KolmogorovSmirnovTest.Mode.AUTO)
              .toDrift(threshold);
      case WASSERSTEIN_NORMED ->
          DriftResult.ofDistance(method, WassersteinDistance.normedSorted(ref, cur), threshold);
      case CHI_SQUARE, Z_TEST -> categorical(method, counts(ref), counts(cur), threshold);
      case JENSEN_SHANNON, PSI, KL_DIVERGENCE ->
          shares(method, BinnedShares.numericSorted(ref, cur), threshold);
    };
  }

  /**
   * Runs a method on two category count maps (see {@link CategoryCounts}).
   *
   * @throws IllegalArgumentException for KS or Wasserstein (they need numbers), or when a side has
   *     no positive count
   */
  public static <K extends Comparable<? super K>> DriftResult categorical(
      DriftMethod method, Map<K, Long> reference, Map<K, Long> current, double threshold) {
    return switch (method) {
      case CHI_SQUARE -> ChiSquareTest.test(reference, current).toDrift(threshold);
      case Z_TEST -> ProportionZTest.test(reference, current).toDrift(threshold);
      case JENSEN_SHANNON, PSI, KL_DIVERGENCE ->
          shares(method, BinnedShares.categorical(reference, current), threshold);
      case KOLMOGOROV_SMIRNOV, WASSERSTEIN_NORMED ->
          throw new IllegalArgumentException(
              method + " needs numeric samples, not category counts");
    };
  }

  /** JS on the raw shares; PSI and KL on shares with empty bins filled (Evidently). */
  static DriftResult shares(DriftMethod method, BinnedShares shares, double threshold) {
    double value =
        switch (method) {
          case JENSEN_SHANNON ->
              Divergences.jensenShannon(shares.referenceView(), shares.currentView());
          case PSI -> {
            BinnedShares f = shares.withEmptyBinsFilled();
            yield Divergences.psi(f.referenceView(), f.currentView());
          }
          case KL_DIVERGENCE -> {
            BinnedShares f = shares.withEmptyBinsFilled();
            yield Divergences.klDivergence(f.referenceView(), f.currentView());
          }
          default -> throw new IllegalArgumentException(method + " is not a share divergence");
        };
    return DriftResult.ofDistance(method, value, threshold);
  }

  /** Counts of each distinct value of a sorted array. */
  static Map<Double, Long> counts(double[] sorted) {
    Map<Double, Long> counts = new HashMap<>();
    int i = 0;
    while (i < sorted.length) {
      double v = sorted[i];
      int start = i;
      while (i < sorted.length && sorted[i] == v) {
        i++;
      }
      counts.merge(v == 0 ? 0.0 : v, (long) (i - start), Long::sum);
    }
    return counts;
  }
}
