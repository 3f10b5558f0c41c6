package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which columns two versions can be compared on, and how: feature and target columns present in
 * both, as numbers when both sides are numeric, as categories when both are categorical, boolean or
 * (on one side) text. Text on both sides and timestamps are not tested; each such column gets a
 * note. Immutable.
 */
record DriftPlan(List<Planned> columns, List<String> notes) {
  /** A column to test. */
  record Planned(String name, ColumnType type, boolean numeric) {}

  static DriftPlan of(DatasetVersionInfo ref, DatasetVersionInfo cur) {
    List<Planned> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (ColumnSpec c : cur.schema()) {
      if (!c.role().driftTested()) {
        continue;
      }
      Optional<ColumnSpec> r = ref.column(c.name());
      if (r.isEmpty()) {
        notes.add("Column '" + c.name() + "' is not in " + ref.ref() + ".");
        continue;
      }
      ColumnType a = r.get().type();
      ColumnType b = c.type();
      if (a.isNumeric() && b.isNumeric()) {
        out.add(new Planned(c.name(), b, true));
      } else if (a == ColumnType.TEXT && b == ColumnType.TEXT) {
        notes.add("Column '" + c.name() + "' is free text: text drift is not tested.");
      } else if (a == ColumnType.TIMESTAMP || b == ColumnType.TIMESTAMP) {
        notes.add(
            "Column '"
                + c.name()
                + "' holds timestamps: mark it as the time column to see drift"
                + " over time.");
      } else if (a.isString() && b.isString() || a == b) {
        out.add(new Planned(c.name(), b, false));
      } else {
        notes.add(
            "Column '"
                + c.name()
                + "' changed type from "
                + a
                + " to "
                + b
                + ": the values cannot be compared.");
      }
    }
    for (ColumnSpec r : ref.schema()) {
      if (r.role().driftTested() && cur.column(r.name()).isEmpty()) {
        notes.add("Column '" + r.name() + "' is missing from " + cur.ref() + ".");
      }
    }
    return new DriftPlan(out, notes);
  }
}
