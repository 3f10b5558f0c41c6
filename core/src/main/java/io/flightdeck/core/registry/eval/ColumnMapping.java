package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.error.FlightdeckException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which dataset column feeds each model feature, checked before anything is scored: every feature
 * needs a numeric column (INTEGER, DECIMAL, or BOOLEAN read as 1/0), of the same name unless the
 * mapping names another. Also finds the target and group columns. Stateless.
 */
final class ColumnMapping {
  private ColumnMapping() {}

  /**
   * The dataset column of each feature, in feature order.
   *
   * @param exclude columns that may not feed a feature and are not offered (the target), or empty
   * @throws FlightdeckException listing every feature without a usable column, and the numeric
   *     columns that could be mapped to them
   */
  static List<String> resolve(
      String modelRef,
      List<String> features,
      DatasetVersionInfo data,
      Map<String, String> mapping,
      Set<String> exclude) {
    if (features.isEmpty()) {
      throw new FlightdeckException(
          "The model " + modelRef + " does not name its input features.",
          "Register it with its model.json (feature names) so that columns can be matched.");
    }
    Set<String> known = new HashSet<>(features);
    for (String f : mapping.keySet()) {
      if (!known.contains(f)) {
        throw new FlightdeckException(
            "The mapping names '" + f + "', which is not a feature of the model " + modelRef + ".",
            "Its features are: " + String.join(", ", features) + ".");
      }
    }
    List<String> columns = new ArrayList<>(features.size());
    List<String> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String f : features) {
      String col = mapping.getOrDefault(f, f);
      Optional<ColumnSpec> spec = data.column(col);
      if (spec.isEmpty() || exclude.contains(col)) {
        missing.add(f);
        problems.add(
            mapping.containsKey(f)
                ? "'"
                    + f
                    + "' is mapped to '"
                    + col
                    + "', which is not a column"
                    + (spec.isPresent() ? " it may use (it is the target)" : "")
                : "'" + f + "' has no column of that name");
      } else if (!usable(spec.get().type())) {
        missing.add(f);
        problems.add(
            "'" + f + "' reads '" + col + "', which is " + spec.get().type() + ", not numeric");
      }
      columns.add(col);
    }
    if (!missing.isEmpty()) {
      Set<String> used = new HashSet<>(columns);
      List<String> candidates = new ArrayList<>();
      for (ColumnSpec c : data.schema()) {
        if (usable(c.type())
            && !used.contains(c.name())
            && !exclude.contains(c.name())
            && c.role() != ColumnRole.TARGET) {
          candidates.add(c.name());
        }
      }
      throw new FlightdeckException(
          "The dataset "
              + data.ref()
              + " lacks numeric columns for "
              + missing.size()
              + " feature(s) of the model "
              + modelRef
              + " ("
              + String.join(", ", missing)
              + "): "
              + String.join("; ", problems)
              + ".",
          "Map them with --map FEATURE=COLUMN (or in the column mapping of the dialog); "
              + (candidates.isEmpty()
                  ? "the dataset has no other numeric column that could map."
                  : "numeric columns that could map: " + String.join(", ", candidates) + "."));
    }
    return columns;
  }

  /** Whether a column of this type can feed a feature. */
  static boolean usable(ColumnType t) {
    return t == ColumnType.INTEGER || t == ColumnType.DECIMAL || t == ColumnType.BOOLEAN;
  }

  /**
   * The target column: the named one, else the column whose role is TARGET.
   *
   * @throws FlightdeckException when it is missing, naming the columns
   */
  static String target(DatasetVersionInfo data, String named) {
    if (named != null && !named.isBlank()) {
      return requireColumn(data, named, "target");
    }
    return data.schema().stream()
        .filter(c -> c.role() == ColumnRole.TARGET)
        .map(ColumnSpec::name)
        .findFirst()
        .orElseThrow(
            () ->
                new FlightdeckException(
                    "The dataset " + data.ref() + " has no target column.",
                    "Name the column with the true values with --target COLUMN; columns are: "
                        + names(data)
                        + "."));
  }

  /**
   * Returns {@code column} when the dataset has it.
   *
   * @throws FlightdeckException naming the missing column and the dataset's columns
   */
  static String requireColumn(DatasetVersionInfo data, String column, String what) {
    if (data.column(column).isEmpty()) {
      throw new FlightdeckException(
          "The dataset " + data.ref() + " has no " + what + " column '" + column + "'.",
          "Its columns are: " + names(data) + ".");
    }
    return column;
  }

  private static String names(DatasetVersionInfo data) {
    return String.join(", ", data.schema().stream().map(ColumnSpec::name).toList());
  }
}
