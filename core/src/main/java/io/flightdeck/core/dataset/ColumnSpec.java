package io.flightdeck.core.dataset;

import java.util.Objects;

/**
 * One column of a dataset's schema.
 *
 * @param name the column name, unique within the dataset and never blank
 * @param type the value type
 * @param role what the column means (feature, target, ...)
 * @param format for {@link ColumnType#TIMESTAMP}: the pattern values are read and exported with
 *     (see {@link io.flightdeck.core.dataset.csv.TimestampFormat}); empty for other types
 */
public record ColumnSpec(String name, ColumnType type, ColumnRole role, String format) {
  /** Checks that no field is null. */
  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
    format = format == null ? "" : format;
  }

  /** A feature column without a format. */
  public static ColumnSpec of(String name, ColumnType type) {
    return new ColumnSpec(name, type, ColumnRole.FEATURE, "");
  }

  /** The same column with another type (the format is kept only for timestamps). */
  public ColumnSpec withType(ColumnType newType, String newFormat) {
    return new ColumnSpec(name, newType, role, newType == ColumnType.TIMESTAMP ? newFormat : "");
  }

  /** The same column with another role. */
  public ColumnSpec withRole(ColumnRole newRole) {
    return new ColumnSpec(name, type, newRole, format);
  }

  /** The same column with another name. */
  public ColumnSpec withName(String newName) {
    return new ColumnSpec(newName, type, role, format);
  }
}
