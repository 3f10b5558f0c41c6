package io.flightdeck.core.dataset.profile;

import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.stats.ProfilerLimits;

/**
 * Builds one column's {@link ColumnProfile} in a single pass with bounded memory, on top of the
 * statistics package's {@link io.flightdeck.core.stats.NumericProfiler} and {@link
 * io.flightdeck.core.stats.CategoricalProfiler}. Not thread-safe: one per column per import.
 */
public interface ColumnProfiler {
  /** How many top values a categorical profile keeps. */
  int TOP = 20;

  /**
   * Distinct values counted exactly, at most: larger exact sets cost more (cache misses on every
   * value) than the whole CSV parse; beyond, HyperLogLog (about 1 % error).
   */
  int EXACT_DISTINCT = 8192;

  /**
   * Finite values kept per numeric column, at most: quantiles and histograms are exact up to this
   * many values, and beyond come from a uniform sample of this size (rank error about 0.2 %).
   */
  int EXACT_VALUES = 200_000;

  /** A missing cell. */
  void missing();

  /** A numeric value (numbers, epoch ms, NaN and infinities). */
  void number(double v);

  /** A string value (categorical, text, and booleans as "true"/"false"). */
  void string(String v);

  /** The profile of everything seen, for a version of {@code rows} rows. */
  ColumnProfile finish(String column, ColumnType type, long rows);

  /**
   * A profiler for a column of this type in a dataset of {@code columns} columns. Memory per column
   * is an eighth of the heap shared by all columns, between 16 KB and 8 MB: exact quantiles and
   * histogram while the values fit it and number at most {@value #EXACT_VALUES} (a uniform sample
   * beyond), exact distinct counts up to {@value #EXACT_DISTINCT} values (HyperLogLog beyond).
   */
  static ColumnProfiler create(ColumnType type, int columns) {
    return create(type, limits(columns));
  }

  /** A profiler with explicit limits. */
  static ColumnProfiler create(ColumnType type, ProfilerLimits limits) {
    return switch (type) {
      case INTEGER, DECIMAL, TIMESTAMP -> new NumericAdapter(limits);
      default -> new CategoricalAdapter(limits);
    };
  }

  /** The profiler limits for one of {@code columns} columns in this JVM. */
  static ProfilerLimits limits(int columns) {
    long share = Runtime.getRuntime().maxMemory() / 8 / Math.max(1, columns);
    long bytes = Math.max(16 << 10, Math.min(8 << 20, share));
    int sketchK = (int) Math.max(64, Math.min(1024, bytes / 64));
    int heavy = (int) Math.max(2 * TOP, Math.min(1000, bytes / 64));
    return new ProfilerLimits(
        (int) Math.min(EXACT_VALUES, bytes / 8),
        (int) Math.min(EXACT_DISTINCT, bytes / 32),
        sketchK,
        TOP,
        heavy,
        0,
        ProfilerLimits.DEFAULT.seed());
  }
}
