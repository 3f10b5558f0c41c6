package io.flightdeck.agent.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

class OnnxScorerTest {
  @TempDir static Path tmp;
  static TestModels.Made<Label> logistic;
  static TestModels.Made<Regressor> linear;

  @BeforeAll
  static void models() throws Exception {
    logistic = TestModels.logistic(tmp.resolve("logistic"));
    linear = TestModels.linear(tmp.resolve("linear"));
  }

  static ModelSignature signature(Path onnx, List<String> features, List<String> labels) {
    ModelSignature s = OnnxValidator.check(onnx).signature();
    return new ModelSignature(
        s.inputs(),
        s.outputs(),
        s.irVersion(),
        s.opset(),
        s.producer(),
        s.producerVersion(),
        features,
        labels);
  }

  @Test
  void classificationGivesTribuosOwnProbabilities() {
    ModelSignature sig =
        signature(logistic.onnx(), List.of(TestModels.FEATURES), logistic.labels());
    try (Scorer scorer = new OnnxScorerFactory().open(logistic.onnx(), sig, "classification")) {
      assertThat(scorer.features()).containsExactly(TestModels.FEATURES);
      assertThat(scorer.labels()).isEqualTo(logistic.labels()).hasSize(2);
      assertThat(scorer.task()).isEqualTo("classification");
      float[] p = scorer.predict(logistic.rows(), logistic.n());
      assertThat(p).hasSize(logistic.n() * 2);
      double maxDiff = 0;
      for (int i = 0; i < logistic.n(); i++) {
        Prediction<Label> want =
            logistic.model().predict(TestModels.example(logistic, i, LabelFactory.UNKNOWN_LABEL));
        Map<String, Label> scores = want.getOutputScores();
        for (int j = 0; j < 2; j++) {
          double d = Math.abs(p[i * 2 + j] - scores.get(scorer.labels().get(j)).getScore());
          maxDiff = Math.max(maxDiff, d);
        }
      }
      assertThat(maxDiff).isLessThan(1e-5);
    }
  }

  @Test
  void regressionGivesTribuosOwnValues() {
    ModelSignature sig = signature(linear.onnx(), List.of(TestModels.FEATURES), List.of());
    try (Scorer scorer = OnnxScorer.open(linear.onnx(), sig, "regression")) {
      assertThat(scorer.labels()).isEmpty();
      float[] v = scorer.predict(linear.rows(), linear.n());
      assertThat(v).hasSize(linear.n());
      double maxDiff = 0;
      for (int i = 0; i < linear.n(); i++) {
        double want =
            linear
                .model()
                .predict(TestModels.example(linear, i, RegressionFactory.UNKNOWN_REGRESSOR))
                .getOutput()
                .getValues()[0];
        maxDiff = Math.max(maxDiff, Math.abs(v[i] - want) / Math.max(1, Math.abs(want)));
      }
      assertThat(maxDiff).isLessThan(1e-5);
    }
  }

  @Test
  void fallsBackToTheCpuAndSaysWhy() {
    ModelSignature sig = signature(linear.onnx(), List.of(), List.of());
    try (Scorer scorer = OnnxScorer.open(linear.onnx(), sig, "regression")) {
      // this build has no GPU provider: the CUDA attempt is real and its failure is reported
      assertThat(scorer.provider()).startsWith("CPU (CUDA provider not available: ").endsWith(")");
    }
    try (Scorer scorer = OnnxScorer.open(linear.onnx(), sig, "regression", true)) {
      assertThat(scorer.provider()).isEqualTo("CPU (requested)");
    }
  }

  @Test
  void providerChoiceUsesCudaWhenItStartsAndExplainsWhenItDoesNot() {
    var cuda =
        ExecutionProviders.choose(
            false,
            java.util.EnumSet.of(ai.onnxruntime.OrtProvider.CUDA, ai.onnxruntime.OrtProvider.CPU),
            () -> {});
    assertThat(cuda.cuda()).isTrue();
    assertThat(cuda.description()).isEqualTo("CUDA");
    var noDevice =
        ExecutionProviders.choose(
            false,
            java.util.EnumSet.of(ai.onnxruntime.OrtProvider.CUDA, ai.onnxruntime.OrtProvider.CPU),
            () -> {
              throw new ai.onnxruntime.OrtException("no CUDA-capable device is detected");
            });
    assertThat(noDevice.cuda()).isFalse();
    assertThat(noDevice.description())
        .isEqualTo("CPU (CUDA provider not available: no CUDA-capable device is detected)");
    var cpuBuild =
        ExecutionProviders.choose(
            false,
            java.util.EnumSet.of(ai.onnxruntime.OrtProvider.CPU),
            () -> {
              throw new UnsatisfiedLinkError("libonnxruntime_providers_cuda.so");
            });
    assertThat(cpuBuild.description())
        .startsWith("CPU (CUDA provider not available: libonnxruntime_providers_cuda.so")
        .contains("offers CPU");
    // the GPU build on a host without CUDA 12 (what ONNX Runtime 1.26 says there)
    var noCudaLibs =
        ExecutionProviders.choose(
            false,
            java.util.EnumSet.of(ai.onnxruntime.OrtProvider.CUDA, ai.onnxruntime.OrtProvider.CPU),
            () -> {
              throw new ai.onnxruntime.OrtException(
                  "OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library");
            });
    assertThat(noCudaLibs.description()).contains("lacks the CUDA 12 / cuDNN 9 libraries");
  }

  @Test
  void namesFeaturesByPositionWhenNoneAreKnown() {
    ModelSignature sig = signature(logistic.onnx(), List.of(), List.of());
    try (Scorer scorer = OnnxScorer.open(logistic.onnx(), sig, "classification")) {
      assertThat(scorer.features()).containsExactly("f0", "f1", "f2", "f3");
      assertThat(scorer.labels()).containsExactly("0", "1");
    }
  }

  @Test
  void scoresFromManyThreadsAtOnce() throws Exception {
    ModelSignature sig =
        signature(logistic.onnx(), List.of(TestModels.FEATURES), logistic.labels());
    try (Scorer scorer = OnnxScorer.open(logistic.onnx(), sig, "classification")) {
      float[] want = scorer.predict(logistic.rows(), logistic.n());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Boolean>> same = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int rows = 1 + t * 20;
          same.add(
              pool.submit(
                  () -> {
                    for (int k = 0; k < 50; k++) {
                      float[] got = scorer.predict(logistic.rows(), rows);
                      if (!Arrays.equals(got, Arrays.copyOf(want, rows * 2))) {
                        return false;
                      }
                    }
                    return true;
                  }));
        }
        for (Future<Boolean> f : same) {
          assertThat(f.get()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void refusesWrongInputAndUseAfterClose() {
    ModelSignature sig = signature(linear.onnx(), List.of(), List.of());
    Scorer scorer = OnnxScorer.open(linear.onnx(), sig, "regression");
    assertThat(scorer.predict(new float[0], 0)).isEmpty();
    assertThatThrownBy(() -> scorer.predict(new float[7], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 8 values");
    scorer.close();
    scorer.close();
    assertThatThrownBy(() -> scorer.predict(new float[4], 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void refusesAModelThatDoesNotFitItsSignatureOrTask() throws Exception {
    ModelSignature three = signature(linear.onnx(), List.of("a", "b", "c"), List.of());
    assertThatThrownBy(() -> OnnxScorer.open(linear.onnx(), three, "regression"))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(linear.onnx().toString())
        .hasMessageContaining("takes 4 features but its signature names 3");
    ModelSignature sig = signature(linear.onnx(), List.of(), List.of());
    assertThatThrownBy(() -> OnnxScorer.open(linear.onnx(), sig, "classification"))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("has no float probability output");
    Path dir = Files.createDirectories(tmp.resolve("ext"));
    Files.write(dir.resolve("weights.bin"), TestModels.weightBytes());
    Path ext =
        TestModels.write(
            dir.resolve("m.onnx"), TestModels.matMul(TestModels.externalWeights("weights.bin")));
    try (Scorer scorer =
        OnnxScorer.open(ext, OnnxValidator.check(ext).signature(), "regression", true)) {
      assertThat(scorer.features()).containsExactly("a", "b");
      assertThat(scorer.predict(new float[] {1, 1, 2, 0}, 2)).containsExactly(5f, 4f);
    }
  }
}
