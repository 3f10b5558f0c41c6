package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One column's values as the drift tests take them, split into groups (a whole version is one
 * group; windows over time are several): sorted finite numbers, or category counts, plus the count
 * of missing values (empty cells, NaN, infinities). Numbers beyond {@code cap} per group are a
 * uniform reservoir sample (fixed seed). Not thread-safe.
 */
final class ColumnValues {
  final boolean numeric;
  final double[][] numbers;
  final int[] sizes;
  final long[] seen;
  final long[] missing;
  final Map<String, Long>[] counts;
  private final int cap;
  private final SplittableRandom random = new SplittableRandom(42);
  boolean sampled;

  @SuppressWarnings("unchecked")
  private ColumnValues(boolean numeric, int groups, int cap) {
    this.numeric = numeric;
    this.cap = cap;
    numbers = new double[groups][];
    sizes = new int[groups];
    seen = new long[groups];
    missing = new long[groups];
    counts = new Map[groups];
    for (int g = 0; g < groups; g++) {
      if (numeric) {
        numbers[g] = new double[64];
      } else {
        counts[g] = new HashMap<>();
      }
    }
  }

  /** Whether a column of this type is tested as numbers (else as categories). */
  static boolean isNumeric(ColumnType t) {
    return t.isNumeric();
  }

  /**
   * Reads a column.
   *
   * @param groupOf the group of each row (-1: not used), or {@code null} for one group
   * @param groups how many groups
   */
  static ColumnValues read(
      ColumnarReader data, int col, boolean numeric, int[] groupOf, int groups, int cap)
      throws IOException {
    ColumnValues v = new ColumnValues(numeric, groups, cap);
    if (groupOf == null && numeric) {
      v.numbers[0] = new double[(int) Math.min(cap, data.rows())];
    }
    int row = 0;
    for (int g = 0; g < data.groups(); g++) {
      ColumnChunk chunk = data.chunk(g, col);
      for (int i = 0; i < chunk.rows(); i++, row++) {
        int grp = groupOf == null ? 0 : groupOf[row];
        if (grp >= 0) {
          v.accept(chunk, i, grp);
        }
      }
    }
    if (numeric) {
      for (int g = 0; g < groups; g++) {
        DoubleSort.sort(v.numbers[g], v.sizes[g]);
      }
    }
    return v;
  }

  private void accept(ColumnChunk chunk, int i, int g) {
    if (chunk.isNull(i)) {
      missing[g]++;
      return;
    }
    if (!numeric) {
      String s =
          chunk.type() == ColumnType.BOOLEAN
              ? (chunk.booleanAt(i) ? "true" : "false")
              : chunk.stringAt(i);
      counts[g].merge(s, 1L, Long::sum);
      return;
    }
    double x = chunk.doubleAt(i);
    if (!Double.isFinite(x)) {
      missing[g]++;
      return;
    }
    long n = ++seen[g];
    if (sizes[g] < cap) {
      if (sizes[g] == numbers[g].length) {
        numbers[g] = Arrays.copyOf(numbers[g], (int) Math.min(cap, numbers[g].length * 2L));
      }
      numbers[g][sizes[g]++] = x;
    } else {
      sampled = true;
      long j = random.nextLong(n);
      if (j < cap) {
        numbers[g][(int) j] = x;
      }
    }
  }

  /** The sorted finite numbers of a group, trimmed. */
  double[] sorted(int g) {
    return numbers[g].length == sizes[g] ? numbers[g] : Arrays.copyOf(numbers[g], sizes[g]);
  }

  /** Values used in a group: finite numbers or counted labels. */
  long used(int g) {
    if (numeric) {
      return sizes[g];
    }
    return counts[g].values().stream().mapToLong(Long::longValue).sum();
  }
}
