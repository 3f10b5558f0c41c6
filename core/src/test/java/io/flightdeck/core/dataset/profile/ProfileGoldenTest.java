package io.flightdeck.core.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.stats.ProfilerLimits;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The import profilers against NumPy on real data: core/src/test/resources/stats/profiles.json
 * (made by core/src/test/golden/make_golden.py). The file and its generated samples are read with
 * the statistics tests' own reader ({@code io.flightdeck.core.stats.GoldenData}, package-private
 * there, so it is called reflectively rather than copied).
 */
class ProfileGoldenTest {
  private static Method golden(String name, Class<?> arg) throws ReflectiveOperationException {
    Method m = Class.forName("io.flightdeck.core.stats.GoldenData").getDeclaredMethod(name, arg);
    m.setAccessible(true);
    return m;
  }

  private static JsonNode golden() throws ReflectiveOperationException {
    return (JsonNode) golden("load", String.class).invoke(null, "profiles.json");
  }

  private static double[] values(JsonNode node) throws ReflectiveOperationException {
    return (double[]) golden("numbers", JsonNode.class).invoke(null, node);
  }

  private static void close(double expected, Double actual, String what) {
    assertThat(actual).as(what).isNotNull();
    assertThat(actual)
        .as(what)
        .isCloseTo(expected, within(1e-9 * Math.max(1e-300, Math.abs(expected))));
  }

  @Test
  void numericProfilesMatchNumpy() throws ReflectiveOperationException {
    int checked = 0;
    for (JsonNode c : golden().get("numeric")) {
      double[] values = values(c.get("values"));
      ColumnProfiler p = ColumnProfiler.create(ColumnType.DECIMAL, 1);
      for (double v : values) {
        p.number(v);
      }
      ColumnProfile prof = p.finish("x", ColumnType.DECIMAL, values.length);
      String name = c.get("name").asText();
      assertThat(prof.nan()).as(name).isEqualTo(c.get("nan").asLong());
      assertThat(prof.infinite())
          .as(name)
          .isEqualTo(c.get("pos_inf").asLong() + c.get("neg_inf").asLong());
      if (c.get("finite").asLong() == 0) {
        continue;
      }
      close(c.get("min").asDouble(), prof.min(), name + " min");
      close(c.get("max").asDouble(), prof.max(), name + " max");
      close(c.get("mean").asDouble(), prof.mean(), name + " mean");
      if (!c.get("std").isNull()) {
        close(c.get("std").asDouble(), prof.std(), name + " std");
      }
      for (int i = 0; i < ColumnProfile.PERCENTS.size(); i++) {
        close(
            c.get("percentiles").get(i).asDouble(),
            prof.quantiles().get(i),
            name + " p" + ColumnProfile.PERCENTS.get(i));
      }
      assertThat(prof.quantilesExact()).isTrue();
      JsonNode h = c.get("hist_sturges");
      assertThat(prof.histogram().counts())
          .as(name + " histogram counts")
          .hasSize(h.get("counts").size());
      for (int i = 0; i < h.get("counts").size(); i++) {
        assertThat(prof.histogram().counts().get(i))
            .as(name + " bin " + i)
            .isEqualTo(h.get("counts").get(i).asLong());
      }
      for (int i = 0; i < h.get("edges").size(); i++) {
        close(
            h.get("edges").get(i).asDouble(), prof.histogram().edges().get(i), name + " edge " + i);
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
  }

  @Test
  void categoricalProfilesMatchCounter() throws ReflectiveOperationException {
    for (JsonNode c : golden().get("categorical")) {
      ColumnProfiler p = ColumnProfiler.create(ColumnType.CATEGORICAL, 1);
      for (JsonNode v : c.get("values")) {
        p.string(v.asText());
      }
      ColumnProfile prof = p.finish("c", ColumnType.CATEGORICAL, c.get("values").size());
      assertThat(prof.distinct()).isEqualTo(c.get("distinct").asLong());
      assertThat(prof.distinctExact()).isTrue();
      for (int i = 0; i < c.get("top").size(); i++) {
        assertThat(prof.top().get(i).value()).isEqualTo(c.get("top").get(i).get(0).asText());
        assertThat(prof.top().get(i).count()).isEqualTo(c.get("top").get(i).get(1).asLong());
      }
    }
  }

  @Test
  void beyondTheLimitsDistinctCountsAndQuantilesAreEstimates() {
    ColumnProfiler p =
        ColumnProfiler.create(
            ColumnType.DECIMAL, new ProfilerLimits(10_000, 1000, 256, 20, 200, 0, 1));
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      p.number(i * 0.5);
    }
    ColumnProfile prof = p.finish("x", ColumnType.DECIMAL, n);
    assertThat(prof.distinctExact()).isFalse();
    assertThat((double) prof.distinct()).isCloseTo(n, within(0.02 * n));
    assertThat(prof.quantilesExact()).isFalse();
    assertThat(prof.quantiles().get(3)).isCloseTo(n * 0.25, within(0.01 * n));
    assertThat(prof.histogram().counts().stream().mapToLong(Long::longValue).sum())
        .isCloseTo(n, within(50L));
  }
}
