package io.flightdeck.core.tracking.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmaAndBandTest {
  @Test
  void emaIsDebiasedAtTheStart() {
    // w = 0.5: s1 = 0.5*10 = 5, /(1-0.5) = 10; s2 = 2.5 + 10 = 12.5, /(0.75) = 16.666..;
    // s3 = 6.25 + 0 = 6.25, /(0.875) = 7.142857..
    double[] out = Ema.smooth(new double[] {10, 20, 0}, 0.5);
    assertThat(out[0]).isEqualTo(10.0);
    assertThat(out[1]).isCloseTo(50.0 / 3, within(1e-12));
    assertThat(out[2]).isCloseTo(6.25 / 0.875, within(1e-12));
  }

  @Test
  void emaSkipsNaNAndKeepsItAsAGap() {
    double[] out = Ema.smooth(new double[] {10, Double.NaN, 20, Double.NEGATIVE_INFINITY, 0}, 0.5);
    assertThat(out[1]).isNaN();
    assertThat(out[3]).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(out[0]).isEqualTo(10.0);
    assertThat(out[2]).isCloseTo(50.0 / 3, within(1e-12));
    assertThat(out[4]).isCloseTo(6.25 / 0.875, within(1e-12));
  }

  @Test
  void emaWeightZeroAndConstantSeriesAreUnchanged() {
    assertThat(Ema.smooth(new double[] {3, 1, 2}, 0)).containsExactly(3, 1, 2);
    assertThat(Ema.smooth(new double[] {7, 7, 7}, 0.9)).containsExactly(7, 7, 7);
    assertThat(Ema.smooth(new double[0], 0.9)).isEmpty();
    assertThatThrownBy(() -> Ema.smooth(new double[] {1}, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ema.smooth(new double[] {1}, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bandAlignsByStep() {
    Series r1 = new Series(new double[] {0, 1, 2}, new double[] {1, 2, 3});
    Series r2 = new Series(new double[] {0, 2, 3}, new double[] {3, 5, 9});
    Series r3 = new Series(new double[] {0, 1, 1}, new double[] {5, Double.NaN, 4}); // last wins
    Band.Result b = Band.group(List.of(r1, r2, r3));
    assertThat(b.x()).containsExactly(0, 1, 2, 3);
    // step 0: 1,3,5 -> mean 3, std sqrt(8/3); step 1: 2,4 -> mean 3, std 1;
    // step 2: 3,5 -> mean 4, std 1; step 3: 9 -> std 0
    assertThat(b.mean()).containsExactly(3, 3, 4, 9);
    assertThat(b.min()).containsExactly(1, 2, 3, 9);
    assertThat(b.max()).containsExactly(5, 4, 5, 9);
    assertThat(b.count()).containsExactly(3, 2, 2, 1);
    assertThat(b.std()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
    assertThat(b.std()[1]).isEqualTo(1.0);
    assertThat(b.std()[3]).isEqualTo(0.0);
  }

  @Test
  void bandStepWithoutFiniteValuesIsAGap() {
    Series r1 = new Series(new double[] {0, 1}, new double[] {1, Double.NaN});
    Band.Result b = Band.group(List.of(r1));
    assertThat(b.mean()[1]).isNaN();
    assertThat(b.count()[1]).isZero();
    assertThat(Band.group(List.of()).x()).isEmpty();
  }
}
