package io.flightdeck.controllers.models;

import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.TensorSpec;
import io.flightdeck.views.charts.ChartPainter;
import io.flightdeck.views.models.AliasMoveRow;
import io.flightdeck.views.models.EvaluationRow;
import io.flightdeck.views.models.ModelVersionRow;
import io.flightdeck.views.models.SignatureRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Formats registry records for the Models section's tables. */
final class ModelRows {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final List<String> HEADLINE =
      List.of("accuracy", "f1", "roc_auc", "log_loss", "rmse", "mae", "r2");

  private ModelRows() {}

  static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  static ModelVersionRow row(ModelVersion v, Map<String, Integer> aliases) {
    String held =
        aliases.entrySet().stream()
            .filter(e -> e.getValue() == v.version())
            .map(Map.Entry::getKey)
            .sorted()
            .collect(Collectors.joining(", "));
    return new ModelVersionRow(
        v.model(),
        v.version(),
        held,
        v.deleted() ? v.task() + " (deleted)" : v.task(),
        source(v),
        size(v.size()),
        v.sha256().substring(0, Math.min(12, v.sha256().length())),
        time(v.created()),
        v.createdBy(),
        v.deleted());
  }

  static String source(ModelVersion v) {
    if (v.runId() != null) {
      String s = v.source().startsWith("run:") ? v.source().substring(4) : v.source();
      int slash = s.indexOf('/');
      return "run " + shortId(v.runId()) + (slash < 0 ? "" : ": " + s.substring(slash + 1));
    }
    return v.source().startsWith("file:") ? v.source().substring(5) : v.source();
  }

  static String shortId(String runId) {
    return runId.length() > 8 ? runId.substring(0, 8) + "…" : runId;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  static String version(Integer v) {
    return v == null ? "none" : "v" + v;
  }

  static AliasMoveRow move(AliasMove m) {
    String change =
        (m.fromVersion() == null ? "new" : "v" + m.fromVersion())
            + " → "
            + (m.toVersion() == null ? "removed" : "v" + m.toVersion());
    return new AliasMoveRow(
        m.alias(),
        change,
        m.who(),
        time(m.when()),
        m.reason(),
        m.evidence(),
        m.approvedBy(),
        m.rollback() ? "yes" : "");
  }

  static String headline(Map<String, Double> metrics) {
    List<String> parts = new ArrayList<>();
    for (String k : HEADLINE) {
      Double v = metrics.get(k);
      if (v != null) {
        parts.add(k + " " + ChartPainter.format(v));
      }
    }
    return String.join(" · ", parts);
  }

  static EvaluationRow evaluation(EvaluationResult r) {
    return new EvaluationRow(r.id(), r.dataset(), headline(r.metrics()), time(r.when()), r.who());
  }

  static List<SignatureRow> signature(ModelSignature s) {
    List<SignatureRow> out = new ArrayList<>();
    for (TensorSpec t : s.inputs()) {
      out.add(new SignatureRow("input", t.name(), t.elementType(), t.shape().toString()));
    }
    for (TensorSpec t : s.outputs()) {
      out.add(new SignatureRow("output", t.name(), t.elementType(), t.shape().toString()));
    }
    return out;
  }

  static String facts(ModelVersion v) {
    ModelSignature s = v.signature();
    return String.join(
        "\n",
        v.ref() + (v.deleted() ? "  (deleted)" : ""),
        "task      " + v.task(),
        "producer  "
            + (s.producer().isEmpty() ? "unknown" : s.producer() + " " + s.producerVersion())
                .strip(),
        "opset     " + s.opset() + "   IR " + s.irVersion(),
        "source    " + v.source(),
        "sha256    " + v.sha256(),
        "size      " + size(v.size()),
        "created   " + time(v.created()) + " by " + v.createdBy());
  }

  static String featuresText(ModelSignature s) {
    return "Features: "
        + (s.featureNames().isEmpty() ? "(not recorded)" : String.join(", ", s.featureNames()))
        + "\nLabels: "
        + (s.labels().isEmpty() ? "(none)" : String.join(", ", s.labels()));
  }

  static String tagsText(Map<String, String> tags) {
    return new TreeMap<>(tags)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  /** Parses "k=v, k2=v2"; refuses a part without '='. */
  static Map<String, String> parseTags(String text) {
    Map<String, String> out = new TreeMap<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new io.flightdeck.core.error.FlightdeckException(
            "The tag '" + p + "' is not key=value.",
            "Write tags as key=value, separated by commas.");
      }
      out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
    }
    return out;
  }
}
