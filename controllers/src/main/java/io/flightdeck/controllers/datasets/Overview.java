package io.flightdeck.controllers.datasets;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.Lineage;

/** The lineage and schema of a version as readable text. */
final class Overview {
  private Overview() {}

  static String text(DatasetVersionInfo v) {
    Lineage l = v.lineage();
    StringBuilder b = new StringBuilder();
    b.append(v.ref())
        .append("  —  ")
        .append(l.rows())
        .append(" rows × ")
        .append(l.columns())
        .append(" columns\n");
    b.append("Validation: ").append(v.validation());
    v.overrideReason()
        .ifPresent(r -> b.append(" (use allowed by override: ").append(r).append(')'));
    b.append("\n\nLineage\n");
    b.append("  source       ").append(l.sourcePath()).append('\n');
    b.append("  size         ")
        .append(l.sourceSize())
        .append(" bytes, modified ")
        .append(l.sourceModified())
        .append('\n');
    b.append("  SHA-256      ").append(l.sourceSha256()).append('\n');
    b.append("  imported     ")
        .append(l.importedAt())
        .append(" by ")
        .append(l.importedBy())
        .append('\n');
    b.append("  dialect      delimiter '")
        .append(l.dialect().delimiter() == '\t' ? "TAB" : String.valueOf(l.dialect().delimiter()))
        .append("', header ")
        .append(l.dialect().header())
        .append(", ")
        .append(l.dialect().encoding())
        .append('\n');
    if (l.skippedRows() > 0) {
      b.append("  skipped      ").append(l.skippedRows()).append(" bad rows\n");
    }
    b.append("  stored as    ")
        .append(v.dataSha256())
        .append(" (")
        .append(v.dataSize())
        .append(" bytes)\n");
    b.append("\nSchema\n");
    for (ColumnSpec c : v.schema()) {
      b.append(String.format("  %-24s %-12s %s%n", c.name(), c.type(), c.role()));
    }
    return b.toString();
  }
}
