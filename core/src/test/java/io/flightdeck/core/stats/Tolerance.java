package io.flightdeck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relative-error assertions that also accept equal infinities, NaN and exact zeros. Values below
 * 1e-290 (where subnormal doubles lose digits) are compared with an absolute tolerance of 1e-300.
 */
final class Tolerance {
  private static final double TINY = 1e-290;

  private Tolerance() {}

  static void assertClose(double actual, double expected, double relative, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
      assertThat(actual).as(what).isEqualTo(expected);
      return;
    }
    if (Math.abs(expected) < TINY) {
      assertThat(Math.abs(actual - expected)).as(what).isLessThanOrEqualTo(1e-300);
      return;
    }
    double err = Math.abs(actual - expected) / Math.abs(expected);
    assertThat(err)
        .as("%s: actual %s, expected %s, relative error", what, actual, expected)
        .isLessThanOrEqualTo(relative);
  }

  static double relativeError(double actual, double expected) {
    if (actual == expected) {
      return 0;
    }
    return Math.abs(actual - expected) / Math.abs(expected);
  }
}
