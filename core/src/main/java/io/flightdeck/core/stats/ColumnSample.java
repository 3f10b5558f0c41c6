package io.flightdeck.core.stats;

import java.util.Objects;

/**
 * One column's reference and current values, the input of {@link DatasetDrift}. The arrays are not
 * copied and must not change while a drift computation reads them.
 */
public sealed interface ColumnSample permits ColumnSample.Numeric, ColumnSample.Categorical {
  /** Column name, used for overrides and in messages. */
  String name();

  /** Numeric or categorical. */
  ColumnKind kind();

  /**
   * A numeric column; NaN and infinities are missing values.
   *
   * @param name column name
   * @param reference reference values
   * @param current current values
   */
  record Numeric(String name, double[] reference, double[] current) implements ColumnSample {
    /** Rejects null parts. */
    public Numeric {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(current, "current");
    }

    @Override
    public ColumnKind kind() {
      return ColumnKind.NUMERIC;
    }
  }

  /**
   * A categorical column; {@code null} labels are missing values.
   *
   * @param name column name
   * @param reference reference labels
   * @param current current labels
   */
  record Categorical(String name, String[] reference, String[] current) implements ColumnSample {
    /** Rejects null parts. */
    public Categorical {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(current, "current");
    }

    @Override
    public ColumnKind kind() {
      return ColumnKind.CATEGORICAL;
    }
  }
}
