package io.flightdeck.core.tracking.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DownsamplerTest {
  private static double[] steps(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  @Test
  void keepsMinAndMaxPerBucketInXOrder() {
    // 12 points, 3 buckets of 4 steps each: [0..3], [4..7], [8..11]
    double[] y = {5, 9, 1, 4, /**/ 3, 2, 8, 6, /**/ 7, 7, 0, 2};
    Series s = Downsampler.minMax(steps(12), y, 3);
    // bucket 0: first=0 (5), min=2 (1), max=1 (9) -> 0,1,2; bucket 1: min 5, max 6;
    // bucket 2: max 8 (first of the equal 7s), min 10, last 11
    assertThat(s.x()).containsExactly(0, 1, 2, 5, 6, 8, 10, 11);
    assertThat(s.y()).containsExactly(5, 9, 1, 2, 8, 7, 0, 2);
  }

  @Test
  void singleSpikeAmongAMillionSurvives() {
    int n = 1_000_000;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.sin(i / 1000.0) * 0.01;
    }
    y[654_321] = 50;
    y[123_456] = -50;
    Series s = Downsampler.minMax(steps(n), y, 1000);
    assertThat(s.size()).isBetween(1900, 2010);
    assertThat(s.y()).contains(50.0, -50.0);
    int at = indexOf(s.y(), 50);
    assertThat(s.x()[at]).isEqualTo(654_321);
    assertThat(s.x()[0]).isEqualTo(0);
    assertThat(s.x()[s.size() - 1]).isEqualTo(n - 1);
    for (int i = 1; i < s.size(); i++) {
      assertThat(s.x()[i]).isGreaterThan(s.x()[i - 1]);
    }
  }

  @Test
  void nonFiniteValuesBecomeOneGapEach() {
    int n = 100;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i;
    }
    y[40] = Double.NaN;
    y[41] = Double.POSITIVE_INFINITY;
    y[42] = Double.NaN;
    y[70] = Double.NEGATIVE_INFINITY;
    Series s = Downsampler.minMax(steps(n), y, 5);
    assertThat(countNaN(s.y())).isEqualTo(2);
    int gap = indexOf(s.y(), Double.NaN);
    assertThat(s.x()[gap]).isEqualTo(40);
    // the line ends at 39 before the gap and restarts at 43 after it
    assertThat(s.x()[gap - 1]).isEqualTo(39);
    assertThat(s.x()[gap + 1]).isEqualTo(43);
    assertThat(s.y()).doesNotContain(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    assertThat(s.x()).contains(69, 70, 71);
  }

  @Test
  void shortSeriesComeBackWithGapsAsNaN() {
    double[] y = {1, Double.NaN, Double.NaN, 4, Double.POSITIVE_INFINITY, 6};
    Series s = Downsampler.minMax(steps(6), y, 10);
    assertThat(s.x()).containsExactly(0, 1, 3, 4, 5);
    assertThat(s.y()).containsExactly(1, Double.NaN, 4, Double.NaN, 6);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Downsampler.minMax(new double[2], new double[3], 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Downsampler.minMax(new double[2], new double[2], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int indexOf(double[] a, double v) {
    for (int i = 0; i < a.length; i++) {
      if (Double.compare(a[i], v) == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int countNaN(double[] a) {
    int c = 0;
    for (double v : a) {
      c += Double.isNaN(v) ? 1 : 0;
    }
    return c;
  }
}
