package io.flightdeck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the golden files written by {@code core/src/test/golden/make_golden.py} and regenerates
 * their large samples with the same SplitMix64 generator (bit-identical to the Python twin).
 */
final class GoldenData {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private GoldenData() {}

  static JsonNode load(String name) {
    try (InputStream in = GoldenData.class.getResourceAsStream("/stats/" + name)) {
      assertThat(in).as("test resource /stats/" + name).isNotNull();
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An inline array of numbers (NaN and Infinity allowed) or {"gen": spec}. */
  static double[] numbers(JsonNode node) {
    if (node.isObject()) {
      return generate(node.get("gen"));
    }
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asDouble();
    }
    return out;
  }

  /** An inline array of strings or {"gen_cat": spec}. */
  static String[] labels(JsonNode node) {
    if (node.isObject()) {
      return generateLabels(node.get("gen_cat"));
    }
    String[] out = new String[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asText();
    }
    return out;
  }

  /** Twin of make_golden.py's gen(spec). */
  static double[] generate(JsonNode spec) {
    SplitMix64 rng = new SplitMix64(spec.get("seed").asLong());
    double loc = spec.get("loc").asDouble();
    double scale = spec.get("scale").asDouble();
    String shape = spec.get("shape").asText();
    JsonNode round = spec.get("round");
    int nanEvery = spec.has("nan_every") ? spec.get("nan_every").asInt() : 0;
    double[] out = new double[spec.get("n").asInt()];
    for (int i = 0; i < out.length; i++) {
      double x;
      switch (shape) {
        case "uniform" -> x = loc + scale * rng.nextDouble();
        case "bell" -> {
          double u = rng.nextDouble() + rng.nextDouble();
          u = u + rng.nextDouble();
          u = u + rng.nextDouble();
          x = loc + scale * (u - 2.0);
        }
        case "skew" -> {
          double u = rng.nextDouble() * rng.nextDouble();
          x = loc + scale * u;
        }
        default -> throw new IllegalArgumentException(shape);
      }
      if (round != null && !round.isNull()) {
        double f = Math.pow(10, round.asInt());
        x = Math.floor(x * f) / f;
      }
      if (nanEvery > 0 && i % nanEvery == nanEvery - 1) {
        x = Double.NaN;
      }
      out[i] = x;
    }
    return out;
  }

  /** Twin of make_golden.py's gen_cat(spec). */
  static String[] generateLabels(JsonNode spec) {
    SplitMix64 rng = new SplitMix64(spec.get("seed").asLong());
    List<Double> cum = new ArrayList<>();
    double total = 0.0;
    for (JsonNode w : spec.get("weights")) {
      total = total + w.asDouble();
      cum.add(total);
    }
    String[] out = new String[spec.get("n").asInt()];
    for (int i = 0; i < out.length; i++) {
      double u = rng.nextDouble() * total;
      int k = cum.size() - 1;
      for (int j = 0; j < cum.size(); j++) {
        if (u < cum.get(j)) {
          k = j;
          break;
        }
      }
      out[i] = "c" + k;
    }
    return out;
  }

  static double[] doubles(JsonNode node) {
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asDouble();
    }
    return out;
  }

  /** SplitMix64 (Steele, Lea, Flood 2014), doubles from the top 53 bits. */
  static final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
      this.state = seed;
    }

    long nextLong() {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }
  }
}
