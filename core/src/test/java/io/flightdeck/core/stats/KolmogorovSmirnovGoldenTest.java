package io.flightdeck.core.stats;

import static io.flightdeck.core.stats.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.stats.KolmogorovSmirnovTest.Mode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two-sample KS against {@code scipy.stats.ks_2samp(method='auto')} on iris, wine, breast cancer
 * and generated samples (golden file ks_2samp.json). Statistic and p-value to 1e-12 relative
 * (measured: exact mode bit-identical, asymptotic mode 2e-14; the one-sided Smirnov sum is
 * evaluated with Loader's method instead of SciPy's double-double).
 */
class KolmogorovSmirnovGoldenTest {
  static Stream<JsonNode> cases() {
    return StreamSupport.stream(GoldenData.load("ks_2samp.json").get("cases").spliterator(), false);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void matchesScipy(JsonNode c) {
    double[] ref = GoldenData.numbers(c.get("reference"));
    double[] cur = GoldenData.numbers(c.get("current"));
    KolmogorovSmirnovTest.Result r = KolmogorovSmirnovTest.test(ref, cur);
    String name = c.get("name").asText();
    boolean exact = c.get("mode").asText().equals("exact");
    assertThat(r.mode()).as(name).isEqualTo(exact ? Mode.EXACT : Mode.ASYMPTOTIC);
    assertClose(r.statistic(), c.get("statistic").asDouble(), 1e-12, name + " statistic");
    assertClose(r.pValue(), c.get("pvalue").asDouble(), 1e-12, name + " p");
    DriftResult drift = r.toDrift(0.05);
    assertThat(drift.drifted()).as(name).isEqualTo(c.get("pvalue").asDouble() <= 0.05);
  }
}
