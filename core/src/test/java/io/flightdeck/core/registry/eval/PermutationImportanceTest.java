package io.flightdeck.core.registry.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {
  // y = 3a + 0.5b; c is ignored by the model.
  private static final int ROWS = 500;
  private static final float[] X = new float[ROWS * 3];
  private static final double[] Y = new double[ROWS];

  static {
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < 3; j++) {
        X[i * 3 + j] = (float) r.nextDouble();
      }
      Y[i] = 3 * X[i * 3] + 0.5 * X[i * 3 + 1];
    }
  }

  private static final Function<float[], float[]> MODEL =
      m -> {
        float[] out = new float[m.length / 3];
        for (int i = 0; i < out.length; i++) {
          out[i] = 3 * m[i * 3] + 0.5f * m[i * 3 + 1];
        }
        return out;
      };
  private static final ToDoubleFunction<float[]> R2 =
      out -> RegressionMetrics.r2(Y, Reports.toDouble(out));

  @Test
  void ranksUsedFeaturesAndGivesZeroToIgnoredOne() {
    List<EvaluationReport.FeatureImportance> imp =
        PermutationImportance.compute(X, List.of("a", "b", "c"), MODEL, R2, 5, 7, () -> false);
    assertThat(imp)
        .extracting(EvaluationReport.FeatureImportance::feature)
        .containsExactly("a", "b", "c");
    assertThat(imp.get(0).mean()).isGreaterThan(1.0);
    assertThat(imp.get(1).mean()).isGreaterThan(0.01).isLessThan(imp.get(0).mean());
    assertThat(imp.get(2).mean()).isEqualTo(0.0);
    assertThat(imp.get(2).std()).isEqualTo(0.0);
    assertThat(imp.get(0).drops()).hasSize(5);
    assertThat(imp.get(0).std()).isGreaterThan(0);
  }

  @Test
  void sameSeedSameResultAndInputUntouched() {
    float[] copy = X.clone();
    var a = PermutationImportance.compute(X, List.of("a", "b", "c"), MODEL, R2, 3, 11, () -> false);
    var b = PermutationImportance.compute(X, List.of("a", "b", "c"), MODEL, R2, 3, 11, () -> false);
    var c = PermutationImportance.compute(X, List.of("a", "b", "c"), MODEL, R2, 3, 12, () -> false);
    assertThat(a.get(0).drops()).containsExactly(b.get(0).drops());
    assertThat(a.get(0).drops()).isNotEqualTo(c.get(0).drops());
    assertThat(X).containsExactly(copy);
  }

  @Test
  void cancelStops() {
    assertThatThrownBy(
            () ->
                PermutationImportance.compute(
                    X, List.of("a", "b", "c"), MODEL, R2, 3, 1, () -> true))
        .isInstanceOf(CancellationException.class);
  }
}
