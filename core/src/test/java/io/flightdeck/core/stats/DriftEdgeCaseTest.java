package io.flightdeck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Empty, constant, NaN-laden and single-category inputs of the drift tests. */
class DriftEdgeCaseTest {
  private static final double[] EMPTY = {};

  @Test
  void emptySamplesAreRejectedWithAClearMessage() {
    double[] some = {1, 2, 3};
    assertThatThrownBy(() -> KolmogorovSmirnovTest.test(EMPTY, some))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Reference sample is empty")
        .hasMessageContaining("at least one finite value");
    assertThatThrownBy(() -> WassersteinDistance.normedDrift(some, new double[] {Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Current sample is empty")
        .hasMessageContaining("1 NaN");
    assertThatThrownBy(() -> BinnedShares.numeric(some, EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChiSquareTest.test(Map.of(), Map.of("a", 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Reference sample is empty");
    assertThatThrownBy(() -> ProportionZTest.test(Map.of("a", 1L), Map.of("a", 0L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Current sample is empty");
    assertThatThrownBy(() -> Divergences.jensenShannon(new double[] {0}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all be zero");
  }

  @Test
  void constantReferenceIsNormedByEvidentlysFloorNotByZero() {
    double[] ref = {3, 3, 3, 3};
    DriftResult same = WassersteinDistance.normedDrift(ref, new double[] {3, 3});
    assertThat(same.statistic()).isEqualTo(0.0);
    assertThat(same.drifted()).isFalse();
    DriftResult moved = WassersteinDistance.normedDrift(ref, new double[] {3.0001, 3.0001});
    assertThat(moved.statistic()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(moved.statistic()).isFinite();
    KolmogorovSmirnovTest.Result ks = KolmogorovSmirnovTest.test(ref, new double[] {3, 3});
    assertThat(ks.statistic()).isZero();
    assertThat(ks.pValue()).isEqualTo(1.0);
  }

  @Test
  void nanAndInfinitiesAreDroppedBeforeTesting() {
    double[] ref = {1, 2, Double.NaN, 3, 4, Double.POSITIVE_INFINITY};
    double[] cur = {Double.NEGATIVE_INFINITY, 1, 2, 3, 4, Double.NaN};
    assertThat(KolmogorovSmirnovTest.test(ref, cur).pValue()).isEqualTo(1.0);
    assertThat(WassersteinDistance.distance(ref, cur)).isZero();
    assertThat(DriftTests.numeric(DriftMethod.PSI, ref, cur, 0.1).statistic()).isZero();
    assertThat(CategoryCounts.ofValues(ref)).isEqualTo(Map.of(1.0, 1L, 2.0, 1L, 3.0, 1L, 4.0, 1L));
  }

  @Test
  void singleCategoryNeverDrifts() {
    Map<String, Long> ref = Map.of("only", 10L);
    Map<String, Long> cur = Map.of("only", 3L);
    ChiSquareTest.Result chi = ChiSquareTest.test(ref, cur);
    assertThat(chi.degreesOfFreedom()).isZero();
    assertThat(chi.pValue()).isEqualTo(1.0);
    assertThat(ProportionZTest.drift(ref, cur).drifted()).isFalse();
    assertThat(DriftTests.categorical(DriftMethod.JENSEN_SHANNON, ref, cur, 0.1).statistic())
        .isZero();
  }

  @Test
  void newCategoryInCurrentIsCertainDriftForChiSquare() {
    ChiSquareTest.Result r = ChiSquareTest.test(Map.of("a", 5L), Map.of("a", 5L, "b", 1L));
    assertThat(r.statistic()).isInfinite();
    assertThat(r.pValue()).isZero();
    assertThat(r.toDrift(0.05).drifted()).isTrue();
  }

  @Test
  void categoricalInputsCannotUseNumericMethods() {
    assertThatThrownBy(
            () ->
                DriftTests.categorical(
                    DriftMethod.KOLMOGOROV_SMIRNOV, Map.of("a", 1L), Map.of("a", 1L), 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs numeric samples");
  }

  @Test
  void verdictRulesFollowEvidently() {
    assertThat(DriftRule.P_VALUE_AT_MOST.isDrift(0.05, 0.05)).isTrue();
    assertThat(DriftRule.P_VALUE_BELOW.isDrift(0.05, 0.05)).isFalse();
    assertThat(DriftRule.DISTANCE_AT_LEAST.isDrift(0.1, 0.1)).isTrue();
    assertThat(DriftRule.DISTANCE_AT_LEAST.isDrift(Double.NaN, 0.1)).isFalse();
    assertThat(PsiSeverity.of(0.09)).isEqualTo(PsiSeverity.NONE);
    assertThat(PsiSeverity.of(0.1)).isEqualTo(PsiSeverity.MODERATE);
    assertThat(PsiSeverity.of(0.25)).isEqualTo(PsiSeverity.MAJOR);
    assertThatThrownBy(
            () -> new DriftResult(DriftMethod.PSI, 0.2, OptionalDouble.of(0.5), 0.1, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ksAsymptoticModeCanBeForcedAndExactFallsBackOnHugeLattices() {
    double[] a = GoldenData.generate(NumericProfilerTest.spec(1, 200, "bell"));
    double[] b = GoldenData.generate(NumericProfilerTest.spec(2, 300, "bell"));
    KolmogorovSmirnovTest.Result exact = KolmogorovSmirnovTest.test(a, b);
    KolmogorovSmirnovTest.Result asymp =
        KolmogorovSmirnovTest.test(a, b, KolmogorovSmirnovTest.Mode.ASYMPTOTIC);
    assertThat(exact.mode()).isEqualTo(KolmogorovSmirnovTest.Mode.EXACT);
    assertThat(asymp.mode()).isEqualTo(KolmogorovSmirnovTest.Mode.ASYMPTOTIC);
    assertThat(asymp.statistic())
        .isCloseTo(exact.statistic(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(asymp.pValue()).isCloseTo(exact.pValue(), org.assertj.core.data.Offset.offset(0.05));
    // lcm(100003, 100019) exceeds SciPy's int32 lattice limit: exact falls back to asymptotic.
    double[] c = GoldenData.generate(NumericProfilerTest.spec(3, 100_003, "bell"));
    double[] d = GoldenData.generate(NumericProfilerTest.spec(4, 100_019, "bell"));
    assertThat(KolmogorovSmirnovTest.test(c, d, KolmogorovSmirnovTest.Mode.EXACT).mode())
        .isEqualTo(KolmogorovSmirnovTest.Mode.ASYMPTOTIC);
  }
}
