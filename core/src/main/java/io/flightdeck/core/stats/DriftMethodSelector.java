package io.flightdeck.core.stats;

import java.util.Map;
import java.util.Objects;

/**
 * Picks the drift method for a column with Evidently's default rules, unless the caller overrode
 * the method for that column by name:
 *
 * <ul>
 *   <li>reference of at most 1,000 rows: a numeric column with more than 5 distinct values gets
 *       {@link DriftMethod#KOLMOGOROV_SMIRNOV}; any other column gets {@link
 *       DriftMethod#CHI_SQUARE} when it has more than 2 distinct values, else {@link
 *       DriftMethod#Z_TEST};
 *   <li>larger reference: a numeric column with more than 5 distinct values gets {@link
 *       DriftMethod#WASSERSTEIN_NORMED}, any other column {@link DriftMethod#JENSEN_SHANNON}.
 * </ul>
 *
 * Rows and distinct values are counted after dropping missing values, distinct values over both
 * samples together (as Evidently's {@code _get_default_stattest} does). Immutable and thread-safe.
 */
public final class DriftMethodSelector {
  /** A reference with at most this many rows counts as small. */
  public static final long SMALL_REFERENCE_ROWS = 1000;

  /** A numeric column with at most this many distinct values is treated like a categorical one. */
  public static final long FEW_VALUES = 5;

  private final Map<String, DriftMethod> overrides;

  /** Evidently's defaults for every column. */
  public DriftMethodSelector() {
    this(Map.of());
  }

  /**
   * Evidently's defaults, except for the named columns.
   *
   * @param overrides method per column name; copied
   */
  public DriftMethodSelector(Map<String, DriftMethod> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * The method for a column: the override if there is one, else Evidently's default.
   *
   * @throws IllegalArgumentException when the override cannot handle the column's kind (KS or
   *     Wasserstein on a categorical column)
   */
  public DriftMethod select(String column, ColumnKind kind, long referenceRows, long distinct) {
    DriftMethod override = overrides.get(column);
    if (override == null) {
      return evidentlyDefault(kind, referenceRows, distinct);
    }
    if (!override.accepts(kind)) {
      throw new IllegalArgumentException(
          "Column '" + column + "' is " + kind + "; " + override + " needs a numeric column");
    }
    return override;
  }

  /** Evidently's default rule alone. */
  public static DriftMethod evidentlyDefault(ColumnKind kind, long referenceRows, long distinct) {
    Objects.requireNonNull(kind, "kind");
    boolean manyValues = kind == ColumnKind.NUMERIC && distinct > FEW_VALUES;
    if (referenceRows <= SMALL_REFERENCE_ROWS) {
      if (manyValues) {
        return DriftMethod.KOLMOGOROV_SMIRNOV;
      }
      return distinct > 2 ? DriftMethod.CHI_SQUARE : DriftMethod.Z_TEST;
    }
    return manyValues ? DriftMethod.WASSERSTEIN_NORMED : DriftMethod.JENSEN_SHANNON;
  }
}
