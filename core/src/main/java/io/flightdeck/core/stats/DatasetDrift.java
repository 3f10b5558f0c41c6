package io.flightdeck.core.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dataset drift as Evidently computes it: each column gets its method from a {@link
 * DriftMethodSelector} (Evidently's defaults unless overridden), its threshold from the overrides
 * or the method's default, and the dataset drifts when at least half of the columns drift.
 *
 * <p>Immutable and thread-safe: {@link #column} may run for several columns in parallel (each call
 * sorts its own copies, O(n log n) time and O(n) memory per numeric column). {@link #compute}
 * itself runs the columns one after another on the caller's thread. Every method throws {@link
 * IllegalArgumentException} for a column with no usable value on one side, naming the column.
 */
public final class DatasetDrift {
  /** Evidently's default: the dataset drifts when at least half of its columns drift. */
  public static final double DEFAULT_DRIFT_SHARE = 0.5;

  private final DriftMethodSelector selector;
  private final Map<String, Double> thresholds;
  private final double driftShare;

  /** Evidently's defaults throughout. */
  public DatasetDrift() {
    this(new DriftMethodSelector(), Map.of(), DEFAULT_DRIFT_SHARE);
  }

  /**
   * Custom methods, thresholds and dataset share.
   *
   * @param selector picks each column's method
   * @param thresholds threshold per column name, replacing the method's default; copied
   * @param driftShare share of drifted columns at which the dataset drifts, in (0, 1]
   */
  public DatasetDrift(
      DriftMethodSelector selector, Map<String, Double> thresholds, double driftShare) {
    if (!(driftShare > 0 && driftShare <= 1)) {
      throw new IllegalArgumentException("Drift share must be in (0, 1], got " + driftShare);
    }
    this.selector = selector;
    this.thresholds = Map.copyOf(thresholds);
    this.driftShare = driftShare;
  }

  /** Drift of every column and the dataset verdict; an empty list gives share 0 and no drift. */
  public DatasetDriftResult compute(List<? extends ColumnSample> columns) {
    List<ColumnDriftResult> results = new ArrayList<>(columns.size());
    for (ColumnSample c : columns) {
      results.add(column(c));
    }
    return summarize(results);
  }

  /** Combines per-column results (computed in any order or in parallel) into the verdict. */
  public DatasetDriftResult summarize(List<ColumnDriftResult> columns) {
    int drifted = (int) columns.stream().filter(ColumnDriftResult::drifted).count();
    double share = columns.isEmpty() ? 0.0 : (double) drifted / columns.size();
    return new DatasetDriftResult(columns, drifted, share, driftShare, share >= driftShare);
  }

  /** Drift of one column. */
  public ColumnDriftResult column(ColumnSample column) {
    try {
      if (column instanceof ColumnSample.Numeric n) {
        return numeric(n);
      }
      return categorical((ColumnSample.Categorical) column);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Column '" + column.name() + "': " + e.getMessage(), e);
    }
  }

  private ColumnDriftResult numeric(ColumnSample.Numeric column) {
    double[] ref = Samples.finiteSorted(column.reference(), "Reference");
    double[] cur = Samples.finiteSorted(column.current(), "Current");
    int distinct = Samples.distinctUnionSorted(ref, cur);
    DriftMethod method = selector.select(column.name(), ColumnKind.NUMERIC, ref.length, distinct);
    DriftResult result = DriftTests.numericSorted(method, ref, cur, threshold(column, method));
    return new ColumnDriftResult(
        column.name(),
        ColumnKind.NUMERIC,
        result,
        ref.length,
        cur.length,
        column.reference().length - ref.length,
        column.current().length - cur.length);
  }

  private ColumnDriftResult categorical(ColumnSample.Categorical column) {
    Map<String, Long> ref = CategoryCounts.of(column.reference());
    Map<String, Long> cur = CategoryCounts.of(column.current());
    long refRows = CategoryCounts.total(ref, "Reference");
    long curRows = CategoryCounts.total(cur, "Current");
    Set<String> keys = new HashSet<>(ref.keySet());
    keys.addAll(cur.keySet());
    DriftMethod method =
        selector.select(column.name(), ColumnKind.CATEGORICAL, refRows, keys.size());
    DriftResult result = DriftTests.categorical(method, ref, cur, threshold(column, method));
    return new ColumnDriftResult(
        column.name(),
        ColumnKind.CATEGORICAL,
        result,
        refRows,
        curRows,
        column.reference().length - refRows,
        column.current().length - curRows);
  }

  private double threshold(ColumnSample column, DriftMethod method) {
    return thresholds.getOrDefault(column.name(), method.defaultThreshold());
  }
}
