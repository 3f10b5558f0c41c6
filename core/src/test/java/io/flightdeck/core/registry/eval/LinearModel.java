package io.flightdeck.core.registry.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.registry.ModelInspection;
import io.flightdeck.core.registry.ModelInspector;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.Scorer;
import io.flightdeck.core.registry.ScorerFactory;
import io.flightdeck.core.registry.TensorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for an ONNX model, since ONNX Runtime is not a core dependency: the "model file"
 * is JSON with features, labels and a linear layer ({@code weights[out][feature]}, {@code
 * bias[out]}); classifiers apply softmax, regressors output the single value. The factory reads the
 * file it is given (the registry's checked copy), so a test sees exactly what was stored.
 */
final class LinearModel {
  private LinearModel() {}

  static String classifier(List<String> features, List<String> labels, double[][] w, double[] b) {
    return Json.write(
        java.util.Map.of(
            "task",
            "classification",
            "features",
            features,
            "labels",
            labels,
            "weights",
            w,
            "bias",
            b));
  }

  static String regressor(List<String> features, double[] w, double b) {
    return Json.write(
        java.util.Map.of(
            "task",
            "regression",
            "features",
            features,
            "labels",
            List.of(),
            "weights",
            new double[][] {w},
            "bias",
            new double[] {b}));
  }

  private static JsonNode read(Path file) {
    try {
      return Json.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** Reads the signature from the JSON file, as the agent would read it from an ONNX model. */
  static final class Inspector implements ModelInspector {
    @Override
    public ModelInspection inspect(Path onnxFile, Path sidecarJson) {
      JsonNode m = read(onnxFile);
      List<String> features = strings(m.get("features"));
      ModelSignature sig =
          new ModelSignature(
              List.of(new TensorSpec("input", "float", List.of(-1L, (long) features.size()))),
              List.of(new TensorSpec("output", "float", List.of(-1L))),
              8,
              17,
              "test",
              "1",
              features,
              strings(m.get("labels")));
      return new ModelInspection(sig, "ok", m.get("task").asText());
    }
  }

  /** Opens the copy it is given; counts open scorers. */
  static final class Factory implements ScorerFactory {
    final AtomicInteger open = new AtomicInteger();
    final List<Path> opened = new ArrayList<>();

    @Override
    public synchronized Scorer open(Path model, ModelSignature signature, String task) {
      opened.add(model);
      JsonNode m = read(model);
      int outs = m.get("weights").size();
      int f = m.get("features").size();
      double[][] w = new double[outs][f];
      double[] b = new double[outs];
      for (int o = 0; o < outs; o++) {
        for (int j = 0; j < f; j++) {
          w[o][j] = m.get("weights").get(o).get(j).asDouble();
        }
        b[o] = m.get("bias").get(o).asDouble();
      }
      open.incrementAndGet();
      return new LinearScorer(
          strings(m.get("features")), strings(m.get("labels")), m.get("task").asText(), w, b, open);
    }
  }

  /** softmax(W x + b) or W x + b. Thread-safe. */
  record LinearScorer(
      List<String> features,
      List<String> labels,
      String task,
      double[][] w,
      double[] b,
      AtomicInteger open)
      implements Scorer {
    @Override
    public String provider() {
      return "CPU";
    }

    @Override
    public float[] predict(float[] rowMajor, int rows) {
      int f = features.size();
      int outs = w.length;
      if (rowMajor.length != rows * f) {
        throw new IllegalArgumentException(rowMajor.length + " values for " + rows + " rows");
      }
      float[] y = new float[rows * outs];
      double[] z = new double[outs];
      for (int i = 0; i < rows; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < outs; o++) {
          z[o] = b[o];
          for (int j = 0; j < f; j++) {
            z[o] += w[o][j] * rowMajor[i * f + j];
          }
          max = Math.max(max, z[o]);
        }
        if (task.equals("classification")) {
          double sum = 0;
          for (int o = 0; o < outs; o++) {
            z[o] = Math.exp(z[o] - max);
            sum += z[o];
          }
          for (int o = 0; o < outs; o++) {
            z[o] /= sum;
          }
        }
        for (int o = 0; o < outs; o++) {
          y[i * outs + o] = (float) z[o];
        }
      }
      return y;
    }

    @Override
    public void close() {
      open.decrementAndGet();
    }
  }
}
