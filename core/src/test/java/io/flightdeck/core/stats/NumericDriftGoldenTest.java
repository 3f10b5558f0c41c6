package io.flightdeck.core.stats;

import static io.flightdeck.core.stats.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wasserstein (raw and normed as Evidently), and Jensen-Shannon, PSI and KL over Evidently's
 * numeric bins, against SciPy/NumPy (golden file numeric_drift.json), 1e-12 relative.
 */
class NumericDriftGoldenTest {
  static Stream<JsonNode> cases() {
    return StreamSupport.stream(
        GoldenData.load("numeric_drift.json").get("cases").spliterator(), false);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void matchesScipy(JsonNode c) {
    String name = c.get("name").asText();
    double[] ref = GoldenData.numbers(c.get("reference"));
    double[] cur = GoldenData.numbers(c.get("current"));

    assertClose(
        WassersteinDistance.distance(ref, cur), c.get("wasserstein").asDouble(), 1e-12, name);
    DriftResult normed = WassersteinDistance.normedDrift(ref, cur);
    assertClose(normed.statistic(), c.get("wasserstein_normed").asDouble(), 1e-12, name);
    assertThat(normed.pValue()).isEmpty();
    assertThat(normed.drifted()).isEqualTo(c.get("wasserstein_normed").asDouble() >= 0.1);

    BinnedShares shares = BinnedShares.numeric(ref, cur);
    boolean sturges = c.get("binning").asText().equals("sturges");
    assertThat(shares.kind())
        .as(name)
        .isEqualTo(sturges ? BinnedShares.Kind.STURGES : BinnedShares.Kind.VALUES);
    assertThat(shares.bins()).as(name).isEqualTo(c.get("bins").asInt());
    for (String key : new String[] {"jensenshannon", "psi", "kl"}) {
      DriftMethod method =
          switch (key) {
            case "jensenshannon" -> DriftMethod.JENSEN_SHANNON;
            case "psi" -> DriftMethod.PSI;
            default -> DriftMethod.KL_DIVERGENCE;
          };
      DriftResult r = DriftTests.numeric(method, ref, cur, method.defaultThreshold());
      assertClose(r.statistic(), c.get(key).asDouble(), 1e-12, name + " " + key);
    }
  }
}
