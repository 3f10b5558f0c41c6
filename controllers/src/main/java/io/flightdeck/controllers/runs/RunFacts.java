package io.flightdeck.controllers.runs;

import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.views.runs.ArtifactRow;
import io.flightdeck.views.runs.KeyValueRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats a run's facts, inputs, params and artifacts for the detail pane. */
final class RunFacts {
  private RunFacts() {}

  static List<KeyValueRow> facts(RunRow row) {
    RunInfo i = row.info();
    List<KeyValueRow> out = new ArrayList<>();
    out.add(new KeyValueRow("Name", RunRows.displayName(i)));
    out.add(new KeyValueRow("Run ID", i.runId()));
    out.add(new KeyValueRow("Status", i.status().name()));
    out.add(new KeyValueRow("Started", time(i.start())));
    out.add(new KeyValueRow("Ended", i.end() == null ? "(running)" : time(i.end())));
    out.add(
        new KeyValueRow("Duration", durationText(RunRows.toRow(row, Instant.now()).durationMs())));
    out.add(new KeyValueRow("User", i.user()));
    out.add(new KeyValueRow("Host", i.host()));
    out.add(new KeyValueRow("Source", i.source()));
    if (i.codeVersion() != null && !i.codeVersion().isEmpty()) {
      out.add(new KeyValueRow("Code version", i.codeVersion()));
    }
    out.add(new KeyValueRow("Experiment", String.valueOf(i.experimentId())));
    out.add(
        new KeyValueRow(
            "Data",
            row.params().size()
                + " params, "
                + row.metrics().size()
                + " metrics, "
                + row.tags().size()
                + " tags"));
    return out;
  }

  static KeyValueRow input(RunInput in) {
    return new KeyValueRow(in.dataset() + ":" + in.version() + " (" + in.role() + ")", in.sha256());
  }

  static List<KeyValueRow> pairs(Map<String, String> map) {
    return map.entrySet().stream().map(e -> new KeyValueRow(e.getKey(), e.getValue())).toList();
  }

  static ArtifactRow artifact(RunArtifact a) {
    return new ArtifactRow(a.path(), size(a.size()), a.sha256());
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String time(Instant t) {
    return t == null ? "" : RunRows.TIME.format(t);
  }

  static String durationText(long ms) {
    if (ms < 0) {
      return "";
    }
    long s = ms / 1000;
    return s < 60
        ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
        : s < 3600
            ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
            : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
  }
}
