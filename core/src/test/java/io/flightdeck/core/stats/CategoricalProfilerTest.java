package io.flightdeck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact and sketched categorical profiles. */
class CategoricalProfilerTest {
  @Test
  void exactCountsMatchPythonCounter() {
    for (JsonNode c : GoldenData.load("profiles.json").get("categorical")) {
      CategoricalProfiler profiler = new CategoricalProfiler();
      profiler.acceptAll(GoldenData.labels(c.get("values")));
      CategoricalProfile p = profiler.profile();
      assertThat(p.distinct()).isEqualTo(c.get("distinct").asLong());
      assertThat(p.distinctExact()).isTrue();
      assertThat(p.topExact()).isTrue();
      for (int i = 0; i < p.top().size(); i++) {
        JsonNode e = c.get("top").get(i);
        assertThat(p.top().get(i))
            .isEqualTo(new CategoryCount(e.get(0).asText(), e.get(1).asLong()));
      }
    }
  }

  @Test
  void missingValuesAndExactCountsForDriftTests() {
    CategoricalProfiler profiler = new CategoricalProfiler();
    profiler.acceptAll(new String[] {"a", null, "b", "a", null});
    CategoricalProfile p = profiler.profile();
    assertThat(p.count()).isEqualTo(5);
    assertThat(p.missing()).isEqualTo(2);
    assertThat(profiler.exactCounts()).contains(Map.of("a", 2L, "b", 1L));
  }

  @Test
  void manyLabelsSwitchToSketchesThatStillFindTheHeavyHitters() {
    ProfilerLimits limits = new ProfilerLimits(1000, 1000, 64, 3, 50, 0, 1);
    CategoricalProfiler a = new CategoricalProfiler(limits);
    CategoricalProfiler b = new CategoricalProfiler(limits);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      String label = i % 4 == 0 ? "hot" : i % 10 == 1 ? "warm" : "id-" + i;
      (i % 2 == 0 ? a : b).accept(label);
    }
    a.merge(b);
    CategoricalProfile p = a.profile();
    assertThat(p.distinctExact()).isFalse();
    assertThat(p.topExact()).isFalse();
    assertThat(a.exactCounts()).isEmpty();
    long trueDistinct = 2 + (n - n / 4 - n / 10);
    assertThat((double) p.distinct()).isCloseTo(trueDistinct, within(0.03 * trueDistinct));
    assertThat(p.top().get(0).value()).isEqualTo("hot");
    assertThat(p.top().get(1).value()).isEqualTo("warm");
    long hot = n / 4;
    assertThat(p.top().get(0).count()).isBetween(hot - p.topMaxUndercount(), (long) hot);
    assertThat(p.topMaxUndercount()).isLessThanOrEqualTo(2L * n / 50);
  }
}
