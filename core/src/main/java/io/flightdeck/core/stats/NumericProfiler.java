package io.flightdeck.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming profile of a numeric column in one pass and bounded memory (see {@link
 * ProfilerLimits}): counts of missing, NaN and infinite values; min, max, mean and std over all
 * finite values; and exact quantiles, histogram and distinct count while the column fits the
 * limits, estimated ones (KLL, HyperLogLog) beyond. While the values fit, mean and std are computed
 * from them as NumPy does (compensated two-pass sums); beyond, from Welford's running sums.
 *
 * <p>Not thread-safe: feed one profiler per thread and {@link #merge} them. {@link #profile()} does
 * not change the profiler; more values may follow it.
 */
public final class NumericProfiler {
  /** The percentiles reported by default. */
  public static final List<Double> DEFAULT_PERCENTS =
      List.of(1.0, 5.0, 25.0, 50.0, 75.0, 95.0, 99.0);

  private final ProfilerLimits limits;
  private final List<Double> percents;
  private long missing;
  private long nan;
  private long posInf;
  private long negInf;
  private final Welford moments = new Welford();
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double[] values = new double[64];
  private int size;
  private KllSketch sketch;
  private final DistinctCounter distinct;

  /** Default limits and percentiles. */
  public NumericProfiler() {
    this(ProfilerLimits.DEFAULT, DEFAULT_PERCENTS);
  }

  /**
   * Custom limits and percentiles.
   *
   * @throws IllegalArgumentException when a percentile is outside [0, 100]
   */
  public NumericProfiler(ProfilerLimits limits, List<Double> percents) {
    for (double p : percents) {
      if (!(p >= 0 && p <= 100)) {
        throw new IllegalArgumentException("Percentiles must be in [0, 100], got " + p);
      }
    }
    this.limits = limits;
    this.percents = List.copyOf(percents);
    this.distinct = new DistinctCounter(limits.exactDistinctLimit());
  }

  /** Adds one value: NaN and infinities are counted, finite values profiled. */
  public void accept(double v) {
    if (!Double.isFinite(v)) {
      if (Double.isNaN(v)) {
        nan++;
      } else if (v > 0) {
        posInf++;
      } else {
        negInf++;
      }
      return;
    }
    moments.add(v);
    min = Math.min(min, v);
    max = Math.max(max, v);
    distinct.add(Hashing.hash(v));
    if (sketch != null) {
      sketch.add(v);
    } else if (size < limits.exactQuantileLimit()) {
      if (size == values.length) {
        values = Arrays.copyOf(values, (int) Math.min(2L * size, limits.exactQuantileLimit()));
      }
      values[size++] = v;
    } else {
      toSketch();
      sketch.add(v);
    }
  }

  /** Adds every value of the array. */
  public void acceptAll(double[] vs) {
    for (double v : vs) {
      accept(v);
    }
  }

  /** Counts one missing value (a {@code null} or empty cell in the source). */
  public void acceptMissing() {
    missing++;
  }

  /** Adds everything {@code other} has seen; {@code other} is not changed. */
  public void merge(NumericProfiler other) {
    missing += other.missing;
    nan += other.nan;
    posInf += other.posInf;
    negInf += other.negInf;
    moments.merge(other.moments);
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    distinct.merge(other.distinct);
    if (other.sketch != null) {
      if (sketch == null) {
        toSketch();
      }
      sketch.merge(other.sketch);
    } else if (sketch == null && (long) size + other.size <= limits.exactQuantileLimit()) {
      values = Arrays.copyOf(values, Math.max(values.length, size + other.size));
      System.arraycopy(other.values, 0, values, size, other.size);
      size += other.size;
    } else {
      if (sketch == null) {
        toSketch();
      }
      for (int i = 0; i < other.size; i++) {
        sketch.add(other.values[i]);
      }
    }
  }

  /** The profile so far; O(n log n) while exact (it sorts a copy), O(k log k) beyond. */
  public NumericProfile profile() {
    long finite = moments.count();
    long total = missing + nan + posInf + negInf + finite;
    if (finite == 0) {
      List<Quantile> q = new ArrayList<>();
      percents.forEach(p -> q.add(new Quantile(p, Double.NaN)));
      return new NumericProfile(
          total,
          missing,
          nan,
          posInf,
          negInf,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          q,
          true,
          Histogram.empty(),
          0,
          true);
    }
    int bins =
        limits.histogramBins() > 0 ? limits.histogramBins() : Binning.sturgesBins(finite, min, max);
    double[] edges = Binning.equalWidthEdges(min, max, bins);
    List<Quantile> quantiles = new ArrayList<>();
    double mean;
    double std;
    long[] counts;
    if (sketch == null) {
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      percents.forEach(p -> quantiles.add(new Quantile(p, Percentiles.linear(sorted, p / 100))));
      counts = Binning.countsSorted(sorted, edges);
      mean = Summation.sum(sorted) / size;
      Summation squares = new Summation();
      for (double v : sorted) {
        squares.add((v - mean) * (v - mean));
      }
      std = size > 1 ? Math.sqrt(squares.value() / (size - 1)) : Double.NaN;
    } else {
      KllSketch.Weighted w = sketch.weighted();
      for (double p : percents) {
        double v = p == 0 ? min : p == 100 ? max : w.quantile(p / 100);
        quantiles.add(new Quantile(p, Math.max(min, Math.min(max, v))));
      }
      counts = Percentiles.weightedCounts(w, edges);
      mean = moments.mean();
      std = moments.sampleStd();
    }
    List<Double> edgeList = new ArrayList<>();
    List<Long> countList = new ArrayList<>();
    for (double e : edges) {
      edgeList.add(e);
    }
    for (long c : counts) {
      countList.add(c);
    }
    return new NumericProfile(
        total,
        missing,
        nan,
        posInf,
        negInf,
        finite,
        min,
        max,
        mean,
        std,
        quantiles,
        sketch == null,
        new Histogram(edgeList, countList, sketch == null),
        distinct.count(),
        distinct.isExact());
  }

  private void toSketch() {
    sketch = new KllSketch(limits.sketchK(), limits.seed());
    for (int i = 0; i < size; i++) {
      sketch.add(values[i]);
    }
    values = new double[0];
    size = 0;
  }
}
