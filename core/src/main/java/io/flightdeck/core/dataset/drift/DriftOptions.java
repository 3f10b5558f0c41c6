package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.stats.DatasetDrift;
import io.flightdeck.core.stats.DriftMethod;
import java.util.Map;

/**
 * How to compute drift.
 *
 * @param methods a method per column name, replacing Evidently's default choice
 * @param thresholds a threshold per column name, replacing the method's default
 * @param driftShare the share of drifted columns that means dataset drift (Evidently: 0.5)
 * @param maxRowsPerSide numeric columns with more finite values than this are tested on a uniform
 *     sample of this size (bounded memory: about 24 bytes per value while a column is tested)
 */
public record DriftOptions(
    Map<String, DriftMethod> methods,
    Map<String, Double> thresholds,
    double driftShare,
    int maxRowsPerSide) {
  /** The default sample cap. */
  public static final int DEFAULT_MAX_ROWS = 5_000_000;

  /** Copies the maps and checks the share. */
  public DriftOptions {
    methods = Map.copyOf(methods);
    thresholds = Map.copyOf(thresholds);
    if (!(driftShare > 0 && driftShare <= 1)) {
      throw new IllegalArgumentException("The drift share must be in (0, 1], got " + driftShare);
    }
    if (maxRowsPerSide < 1000) {
      throw new IllegalArgumentException("maxRowsPerSide must be at least 1000");
    }
  }

  /** Evidently's defaults. */
  public static DriftOptions defaults() {
    return new DriftOptions(Map.of(), Map.of(), DatasetDrift.DEFAULT_DRIFT_SHARE, DEFAULT_MAX_ROWS);
  }

  /** The same options with a method for one column. */
  public DriftOptions withMethod(String column, DriftMethod method) {
    var m = new java.util.HashMap<>(methods);
    m.put(column, method);
    return new DriftOptions(m, thresholds, driftShare, maxRowsPerSide);
  }

  /** The same options with a threshold for one column. */
  public DriftOptions withThreshold(String column, double threshold) {
    var t = new java.util.HashMap<>(thresholds);
    t.put(column, threshold);
    return new DriftOptions(methods, t, driftShare, maxRowsPerSide);
  }
}
