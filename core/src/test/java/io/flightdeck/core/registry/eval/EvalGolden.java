package io.flightdeck.core.registry.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads the golden files written by {@code core/src/test/golden/make_eval_golden.py}. */
final class EvalGolden {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private EvalGolden() {}

  static Stream<JsonNode> cases(String file) {
    try (InputStream in = EvalGolden.class.getResourceAsStream("/eval/" + file)) {
      assertThat(in).as("test resource /eval/" + file).isNotNull();
      return StreamSupport.stream(MAPPER.readTree(in).get("cases").spliterator(), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] doubles(JsonNode node) {
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asDouble();
    }
    return out;
  }

  static int[] ints(JsonNode node) {
    int[] out = new int[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asInt();
    }
    return out;
  }

  /** Row-major doubles of a list of rows. */
  static double[] matrix(JsonNode rows) {
    int k = rows.get(0).size();
    double[] out = new double[rows.size() * k];
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < k; c++) {
        out[i * k + c] = rows.get(i).get(c).asDouble();
      }
    }
    return out;
  }

  /** Relative error at most {@code tol} (absolute below 1e-300; exact for 0, NaN, infinities). */
  static void close(double actual, double expected, double tol, String what) {
    if (expected == 0 || Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertThat(Math.abs(actual - expected) <= tol || actual == expected)
          .as("%s: actual %s, expected %s", what, actual, expected)
          .isTrue();
      return;
    }
    assertThat(Math.abs(actual - expected) / Math.abs(expected))
        .as("%s: actual %s, expected %s, relative error", what, actual, expected)
        .isLessThanOrEqualTo(tol);
  }

  static void close(double[] actual, JsonNode expected, double tol, String what) {
    assertThat(actual.length).as(what + " length").isEqualTo(expected.size());
    for (int i = 0; i < actual.length; i++) {
      close(actual[i], expected.get(i).asDouble(), tol, what + "[" + i + "]");
    }
  }
}
