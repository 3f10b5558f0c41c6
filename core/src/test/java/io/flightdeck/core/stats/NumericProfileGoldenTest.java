package io.flightdeck.core.stats;

import static io.flightdeck.core.stats.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact-mode numeric profiles against NumPy (golden file profiles.json): counts, min/max, mean and
 * std (ddof=1) to 1e-12, percentiles (np.percentile, linear) to 1e-12, histogram edges and counts
 * for 10 bins and Sturges bins (np.histogram) exactly.
 */
class NumericProfileGoldenTest {
  static Stream<JsonNode> cases() {
    return StreamSupport.stream(
        GoldenData.load("profiles.json").get("numeric").spliterator(), false);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void matchesNumpy(JsonNode c) {
    String name = c.get("name").asText();
    double[] values = GoldenData.numbers(c.get("values"));
    NumericProfile p = profile(values, 0);
    assertThat(p.count()).isEqualTo(values.length);
    assertThat(p.nan()).as(name).isEqualTo(c.get("nan").asLong());
    assertThat(p.positiveInfinity()).isEqualTo(c.get("pos_inf").asLong());
    assertThat(p.negativeInfinity()).isEqualTo(c.get("neg_inf").asLong());
    assertThat(p.finite()).isEqualTo(c.get("finite").asLong());
    assertThat(p.quantilesExact()).isTrue();
    assertThat(p.distinctExact()).isTrue();
    assertThat(p.min()).isEqualTo(c.get("min").asDouble());
    assertThat(p.max()).isEqualTo(c.get("max").asDouble());
    assertClose(p.mean(), c.get("mean").asDouble(), 1e-12, name + " mean");
    if (c.get("std").isNull()) {
      assertThat(p.std()).isNaN();
    } else {
      assertClose(p.std(), c.get("std").asDouble(), 1e-12, name + " std");
    }
    for (int i = 0; i < p.quantiles().size(); i++) {
      Quantile q = p.quantiles().get(i);
      assertThat(q.percent()).isEqualTo(c.get("percents").get(i).asDouble());
      assertClose(q.value(), c.get("percentiles").get(i).asDouble(), 1e-12, name + " " + q);
    }
    assertHistogram(p.histogram(), c.get("hist_sturges"), name + " sturges");
    assertHistogram(profile(values, 10).histogram(), c.get("hist10"), name + " 10 bins");
  }

  private static NumericProfile profile(double[] values, int bins) {
    ProfilerLimits limits = new ProfilerLimits(1_000_000, 100_000, 1024, 10, 1000, bins, 1);
    NumericProfiler profiler = new NumericProfiler(limits, NumericProfiler.DEFAULT_PERCENTS);
    profiler.acceptAll(values);
    return profiler.profile();
  }

  private static void assertHistogram(Histogram h, JsonNode expected, String what) {
    List<Long> counts = h.counts();
    assertThat(counts).as(what).hasSize(expected.get("counts").size());
    for (int i = 0; i < counts.size(); i++) {
      assertThat(counts.get(i))
          .as(what + " bin " + i)
          .isEqualTo(expected.get("counts").get(i).asLong());
    }
    for (int i = 0; i < h.edges().size(); i++) {
      assertThat(h.edges().get(i))
          .as(what + " edge " + i)
          .isEqualTo(expected.get("edges").get(i).asDouble());
    }
    assertThat(h.exact()).isTrue();
  }
}
