package io.flightdeck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sketch mode, merging and edge cases of {@link NumericProfiler}. */
class NumericProfilerTest {
  private static final ProfilerLimits SMALL = new ProfilerLimits(1000, 500, 1024, 10, 100, 0, 7);

  @Test
  void beyondTheExactLimitQuantilesAreEstimatedWithinOnePercentOfRank() {
    double[] data = GoldenData.generate(spec(3, 300_000, "skew"));
    NumericProfiler profiler = new NumericProfiler(SMALL, NumericProfiler.DEFAULT_PERCENTS);
    profiler.acceptAll(data);
    NumericProfile p = profiler.profile();
    assertThat(p.quantilesExact()).isFalse();
    assertThat(p.histogram().exact()).isFalse();
    assertThat(p.distinctExact()).isFalse();
    double[] sorted = data.clone();
    Arrays.sort(sorted);
    for (Quantile q : p.quantiles()) {
      double rank = Binning.upperBound(sorted, q.value()) / (double) sorted.length;
      assertThat(rank).as("rank of estimated %s", q).isCloseTo(q.percent() / 100, within(0.01));
    }
    assertThat(p.histogram().counts().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(data.length);
    assertThat((double) p.distinct()).isCloseTo(distinct(sorted), within(0.03 * distinct(sorted)));
    // Mean and std stay exact (Welford) and min/max exact.
    assertThat(p.mean()).isCloseTo(Summation.sum(data) / data.length, within(1e-12));
    assertThat(p.min()).isEqualTo(sorted[0]);
    assertThat(p.max()).isEqualTo(sorted[sorted.length - 1]);
  }

  @Test
  void mergedProfilesEqualOneProfileOfAllValues() {
    double[] data = GoldenData.generate(spec(4, 5000, "bell"));
    NumericProfiler whole = new NumericProfiler();
    whole.acceptAll(data);
    NumericProfiler a = new NumericProfiler();
    NumericProfiler b = new NumericProfiler();
    a.acceptAll(Arrays.copyOfRange(data, 0, 1234));
    b.acceptAll(Arrays.copyOfRange(data, 1234, data.length));
    b.acceptMissing();
    a.merge(b);
    NumericProfile merged = a.profile();
    NumericProfile expected = whole.profile();
    assertThat(merged.quantiles()).isEqualTo(expected.quantiles());
    assertThat(merged.histogram()).isEqualTo(expected.histogram());
    assertThat(merged.distinct()).isEqualTo(expected.distinct());
    assertThat(merged.std()).isCloseTo(expected.std(), within(1e-12));
    assertThat(merged.missing()).isEqualTo(1);
    assertThat(merged.count()).isEqualTo(data.length + 1);
  }

  @Test
  void mergingAcrossTheExactLimitSwitchesToTheSketch() {
    double[] data = GoldenData.generate(spec(5, 3000, "uniform"));
    NumericProfiler a = new NumericProfiler(SMALL, List.of(50.0));
    NumericProfiler b = new NumericProfiler(SMALL, List.of(50.0));
    a.acceptAll(Arrays.copyOfRange(data, 0, 800));
    b.acceptAll(Arrays.copyOfRange(data, 800, 3000));
    a.merge(b);
    NumericProfile p = a.profile();
    assertThat(p.quantilesExact()).isFalse();
    assertThat(p.finite()).isEqualTo(3000);
    assertThat(p.quantiles().get(0).value()).isCloseTo(0.5, within(0.02));
    assertThat(p.mean()).isCloseTo(Summation.sum(data) / 3000, within(1e-12));
  }

  @Test
  void emptyAndAllEqualColumns() {
    NumericProfiler empty = new NumericProfiler();
    empty.accept(Double.NaN);
    empty.acceptMissing();
    NumericProfile e = empty.profile();
    assertThat(e.finite()).isZero();
    assertThat(e.count()).isEqualTo(2);
    assertThat(e.mean()).isNaN();
    assertThat(e.quantiles()).allSatisfy(q -> assertThat(q.value()).isNaN());
    assertThat(e.histogram().counts()).isEmpty();

    NumericProfiler same = new NumericProfiler();
    same.acceptAll(new double[] {2.5, 2.5, 2.5});
    NumericProfile s = same.profile();
    assertThat(s.std()).isEqualTo(0.0);
    assertThat(s.distinct()).isEqualTo(1);
    assertThat(s.histogram().edges()).containsExactly(2.0, 3.0);
    assertThat(s.histogram().counts()).containsExactly(3L);
  }

  @Test
  void negativeZeroAndZeroAreOneDistinctValue() {
    NumericProfiler p = new NumericProfiler();
    p.acceptAll(new double[] {0.0, -0.0, 1.0});
    assertThat(p.profile().distinct()).isEqualTo(2);
  }

  @Test
  void rejectsInvalidConfiguration() {
    assertThatThrownBy(() -> new NumericProfiler(ProfilerLimits.DEFAULT, List.of(101.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 100]");
    assertThatThrownBy(() -> new ProfilerLimits(10, 10, 4, 10, 100, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sketchK >= 8");
  }

  static com.fasterxml.jackson.databind.JsonNode spec(long seed, int n, String shape) {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode()
        .put("seed", seed)
        .put("n", n)
        .put("shape", shape)
        .put("loc", 0.0)
        .put("scale", 1.0);
  }

  private static double distinct(double[] sorted) {
    return Samples.distinctSorted(sorted);
  }
}
