package io.flightdeck.core.stats;

import static io.flightdeck.core.stats.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** NannyML-style standard deviation thresholds (golden file thresholds.json). */
class ThresholdTest {
  @Test
  void bandAndAlertsMatchNannyMl() {
    for (JsonNode c : GoldenData.load("thresholds.json").get("cases")) {
      String name = c.get("name").asText();
      double lowerLimit =
          c.get("lower_limit").isNull()
              ? Double.NEGATIVE_INFINITY
              : c.get("lower_limit").asDouble();
      double upperLimit =
          c.get("upper_limit").isNull()
              ? Double.POSITIVE_INFINITY
              : c.get("upper_limit").asDouble();
      ThresholdBand band =
          new StandardDeviationThreshold(
                  c.get("lower_multiplier").asDouble(), c.get("upper_multiplier").asDouble())
              .fit(GoldenData.doubles(c.get("reference")), lowerLimit, upperLimit);
      assertClose(band.lower(), c.get("lower").asDouble(), 1e-12, name + " lower");
      assertClose(band.upper(), c.get("upper").asDouble(), 1e-12, name + " upper");
      boolean[] alerts = band.alerts(GoldenData.doubles(c.get("analysis")));
      for (int i = 0; i < alerts.length; i++) {
        assertThat(alerts[i])
            .as(name + " alert " + i)
            .isEqualTo(c.get("alerts").get(i).asBoolean());
      }
    }
  }

  @Test
  void nanIsIgnoredInReferenceAndNeverAlerts() {
    ThresholdBand band = new StandardDeviationThreshold().fit(new double[] {1, Double.NaN, 3});
    assertThat(band.lower()).isEqualTo(-1.0);
    assertThat(band.upper()).isEqualTo(5.0);
    assertThat(band.isAlert(Double.NaN)).isFalse();
    assertThat(band.isAlert(5.0000001)).isTrue();
  }

  @Test
  void infiniteMultiplierLeavesSideOpen() {
    ThresholdBand band =
        new StandardDeviationThreshold(Double.POSITIVE_INFINITY, 3).fit(new double[] {2, 2, 2});
    assertThat(band.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(band.upper()).isEqualTo(2.0);
  }

  @Test
  void rejectsUselessInput() {
    assertThatThrownBy(() -> new StandardDeviationThreshold().fit(new double[] {Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one reference chunk value");
    assertThatThrownBy(() -> new StandardDeviationThreshold(-1, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThresholdBand(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StandardDeviationThreshold().fit(new double[] {-3, -2}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the metric's limits");
  }
}
