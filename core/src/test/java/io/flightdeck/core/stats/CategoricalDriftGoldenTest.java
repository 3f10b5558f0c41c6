package io.flightdeck.core.stats;

import static io.flightdeck.core.stats.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chi-square, Z-test, Jensen-Shannon, PSI and KL on category labels against SciPy used the way
 * Evidently uses it (golden file categorical.json), all to 1e-9 relative or better.
 */
class CategoricalDriftGoldenTest {
  static Stream<JsonNode> cases() {
    return StreamSupport.stream(
        GoldenData.load("categorical.json").get("cases").spliterator(), false);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void matchesScipy(JsonNode c) {
    String name = c.get("name").asText();
    Map<String, Long> ref = CategoryCounts.of(GoldenData.labels(c.get("reference")));
    Map<String, Long> cur = CategoryCounts.of(GoldenData.labels(c.get("current")));

    ChiSquareTest.Result chi = ChiSquareTest.test(ref, cur);
    JsonNode chiExpected = c.get("chisquare");
    assertClose(chi.statistic(), chiExpected.get("statistic").asDouble(), 1e-12, name + " chi2");
    double chiP = chiExpected.get("pvalue").asDouble();
    // SciPy gives NaN for a single category; this implementation reports p = 1 there.
    assertClose(chi.pValue(), Double.isNaN(chiP) ? 1.0 : chiP, 1e-11, name + " chi2 p");

    ProportionZTest.Result z = ProportionZTest.test(ref, cur);
    JsonNode zExpected = c.get("ztest");
    assertClose(z.pValue(), zExpected.get("pvalue").asDouble(), 1e-9, name + " z p");
    if (!zExpected.get("statistic").isNull()) {
      assertClose(z.statistic(), zExpected.get("statistic").asDouble(), 1e-12, name + " z");
    }

    BinnedShares shares = BinnedShares.categorical(ref, cur);
    assertThat(shares.bins()).as(name).isEqualTo(c.get("bins").asInt());
    double js = Divergences.jensenShannon(shares.reference(), shares.current());
    assertClose(js, c.get("jensenshannon").asDouble(), 1e-12, name + " js");
    double js2 = Divergences.jensenShannon(shares.reference(), shares.current(), 2.0);
    assertClose(js2, c.get("jensenshannon_base2").asDouble(), 1e-12, name + " js base 2");
    BinnedShares filled = shares.withEmptyBinsFilled();
    assertClose(
        Divergences.psi(filled.reference(), filled.current()),
        c.get("psi").asDouble(),
        1e-12,
        name + " psi");
    assertClose(
        Divergences.klDivergence(filled.reference(), filled.current()),
        c.get("kl").asDouble(),
        1e-12,
        name + " kl");

    assertThat(DriftTests.categorical(DriftMethod.JENSEN_SHANNON, ref, cur, 0.1).statistic())
        .isEqualTo(js);
  }
}
