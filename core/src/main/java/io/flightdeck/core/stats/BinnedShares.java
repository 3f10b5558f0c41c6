package io.flightdeck.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reference and current shares over common bins, as Evidently's {@code get_binned_data} builds them
 * for Jensen-Shannon, PSI and KL: a numeric column whose reference has more than 20 distinct values
 * gets Sturges bins over both samples together ({@code np.histogram_bin_edges(concat, 'sturges')});
 * any other column gets one bin per distinct value (or category) seen on either side. Shares are
 * counts divided by the sample size. Immutable and thread-safe; accessors return copies.
 */
public final class BinnedShares {
  /** Evidently switches from per-value bins to Sturges bins above this many reference values. */
  public static final int MAX_VALUE_BINS = 20;

  /** How the bins were formed. */
  public enum Kind {
    /** Equal-width Sturges bins; {@link #edges()} holds them. */
    STURGES,
    /** One bin per distinct value or category; {@link #edges()} is empty. */
    VALUES
  }

  private final Kind kind;
  private final double[] edges;
  private final double[] reference;
  private final double[] current;

  private BinnedShares(Kind kind, double[] edges, double[] reference, double[] current) {
    this.kind = kind;
    this.edges = edges;
    this.reference = reference;
    this.current = current;
  }

  /**
   * Bins two numeric samples (NaN and infinities dropped).
   *
   * @throws IllegalArgumentException when a sample has no finite value
   */
  public static BinnedShares numeric(double[] reference, double[] current) {
    return numericSorted(
        Samples.finiteSorted(reference, "Reference"), Samples.finiteSorted(current, "Current"));
  }

  static BinnedShares numericSorted(double[] ref, double[] cur) {
    if (Samples.distinctSorted(ref) > MAX_VALUE_BINS) {
      double[] edges = Binning.sturgesEdges(ref, cur);
      return new BinnedShares(
          Kind.STURGES,
          edges,
          shares(Binning.countsSorted(ref, edges), ref.length),
          shares(Binning.countsSorted(cur, edges), cur.length));
    }
    int bins = Samples.distinctUnionSorted(ref, cur);
    long[] rc = new long[bins];
    long[] cc = new long[bins];
    int i = 0;
    int j = 0;
    for (int b = 0; b < bins; b++) {
      double v = j >= cur.length || (i < ref.length && ref[i] <= cur[j]) ? ref[i] : cur[j];
      for (; i < ref.length && ref[i] == v; i++) {
        rc[b]++;
      }
      for (; j < cur.length && cur[j] == v; j++) {
        cc[b]++;
      }
    }
    return new BinnedShares(
        Kind.VALUES, new double[0], shares(rc, ref.length), shares(cc, cur.length));
  }

  /**
   * One bin per category seen on either side; counts of zero or less are ignored.
   *
   * @throws IllegalArgumentException when a side has no positive count
   */
  public static <K> BinnedShares categorical(Map<K, Long> reference, Map<K, Long> current) {
    long refTotal = CategoryCounts.total(reference, "Reference");
    long curTotal = CategoryCounts.total(current, "Current");
    Set<K> seen = new HashSet<>();
    List<K> keys = new ArrayList<>();
    for (Map<K, Long> m : List.of(reference, current)) {
      m.forEach(
          (k, v) -> {
            if (v > 0 && seen.add(k)) {
              keys.add(k);
            }
          });
    }
    long[] rc = new long[keys.size()];
    long[] cc = new long[keys.size()];
    for (int b = 0; b < keys.size(); b++) {
      rc[b] = Math.max(0, reference.getOrDefault(keys.get(b), 0L));
      cc[b] = Math.max(0, current.getOrDefault(keys.get(b), 0L));
    }
    return new BinnedShares(Kind.VALUES, new double[0], shares(rc, refTotal), shares(cc, curTotal));
  }

  private static double[] shares(long[] counts, long total) {
    double[] s = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      s[i] = counts[i] / (double) total;
    }
    return s;
  }

  /**
   * Evidently's zero filling for PSI and KL: on each side, empty bins get 0.0001, or the smallest
   * non-empty share / 10^6 when that share is itself {@code <= 0.0001}. Shares are not
   * renormalized.
   */
  public BinnedShares withEmptyBinsFilled() {
    return new BinnedShares(kind, edges, fill(reference), fill(current));
  }

  static double[] fill(double[] shares) {
    double min = Double.POSITIVE_INFINITY;
    for (double s : shares) {
      if (s != 0 && s < min) {
        min = s;
      }
    }
    double fill = min <= 0.0001 ? min / 1e6 : 0.0001;
    double[] out = shares.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        out[i] = fill;
      }
    }
    return out;
  }

  /** How the bins were formed. */
  public Kind kind() {
    return kind;
  }

  /** Number of bins. */
  public int bins() {
    return reference.length;
  }

  /** Sturges bin edges ({@code bins() + 1} values), empty for per-value bins. */
  public double[] edges() {
    return edges.clone();
  }

  /** Reference share per bin. */
  public double[] reference() {
    return reference.clone();
  }

  /** Current share per bin. */
  public double[] current() {
    return current.clone();
  }

  double[] referenceView() {
    return reference;
  }

  double[] currentView() {
    return current;
  }

  @Override
  public String toString() {
    return kind + " " + Arrays.toString(reference) + " vs " + Arrays.toString(current);
  }
}
