package io.flightdeck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Accuracy and merging of the distinct-count sketch (deterministic inputs). */
class HyperLogLogTest {
  @Test
  void estimatesStayWithinThreeStandardErrorsAcrossScales() {
    for (int n : new int[] {10, 1_000, 50_000, 2_000_000}) {
      HyperLogLog h = new HyperLogLog();
      for (int i = 0; i < n; i++) {
        h.add(Hashing.hash("user-" + i));
      }
      assertThat(h.estimate()).as("n=%d", n).isCloseTo(n, within(Math.max(1.0, 0.025 * n)));
    }
  }

  @Test
  void mergeEqualsSketchOfTheUnion() {
    HyperLogLog a = new HyperLogLog();
    HyperLogLog b = new HyperLogLog();
    HyperLogLog all = new HyperLogLog();
    for (int i = 0; i < 300_000; i++) {
      long h = Hashing.hash((double) i);
      (i % 3 == 0 ? a : b).add(h);
      all.add(h);
      if (i % 5 == 0) {
        a.add(h); // duplicates across sketches do not count twice
      }
    }
    a.merge(b);
    assertThat(a.estimate()).isEqualTo(all.estimate());
  }

  @Test
  void distinctCounterIsExactUpToItsLimit() {
    DistinctCounter c = new DistinctCounter(1000);
    for (int i = 0; i < 3000; i++) {
      c.add(Hashing.hash(i % 1000));
    }
    assertThat(c.isExact()).isTrue();
    assertThat(c.count()).isEqualTo(1000);
    c.add(Hashing.hash(-1.0));
    assertThat(c.isExact()).isFalse();
    assertThat((double) c.count()).isCloseTo(1001, within(30.0));
  }
}
