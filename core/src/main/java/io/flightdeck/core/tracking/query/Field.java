package io.flightdeck.core.tracking.query;

import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunRow;
import java.time.Instant;
import java.util.Locale;

/** What an "entity.key" reference reads from a run row: a number or a text, or null if missing. */
record Field(Field.Type type, String entity, String key) {
  enum Type {
    METRIC,
    PARAM,
    TAG,
    ATTRIBUTE
  }

  /** Resolves a REF token, or throws naming it. */
  static Field of(Lexer.Token ref) {
    String e = ref.text().toLowerCase(Locale.ROOT);
    Type type =
        switch (e) {
          case "metrics", "metric" -> Type.METRIC;
          case "params", "param", "parameters", "parameter" -> Type.PARAM;
          case "tags", "tag" -> Type.TAG;
          case "attributes", "attribute", "attr", "run" -> Type.ATTRIBUTE;
          default ->
              throw new RunFilterException(
                  "Unknown entity '"
                      + ref.text()
                      + "' at column "
                      + ref.column()
                      + ": expected metrics, params, tags or attributes.",
                  ref.column(),
                  ref.text());
        };
    String key = ref.value();
    if (type == Type.ATTRIBUTE) {
      key = key.toLowerCase(Locale.ROOT);
      key =
          switch (key) {
            case "status", "run_name", "start_time", "end_time", "host", "run_id" -> key;
            case "user", "user_id" -> "user";
            case "name" -> "run_name";
            default ->
                throw new RunFilterException(
                    "Unknown attribute '"
                        + ref.value()
                        + "' at column "
                        + ref.column()
                        + ": expected status, run_name, start_time, end_time, user, host or run_id.",
                    ref.column(),
                    ref.raw());
          };
    }
    return new Field(type, e, key);
  }

  boolean numeric() {
    return type == Type.METRIC
        || type == Type.ATTRIBUTE && (key.equals("start_time") || key.equals("end_time"));
  }

  /** The number this field has in a row (NaN when missing); for numeric fields only. */
  double number(RunRow row) {
    if (type == Type.METRIC) {
      MetricSummary m = row.metrics().get(key);
      return m == null ? Double.NaN : m.last();
    }
    Instant t = key.equals("start_time") ? row.info().start() : row.info().end();
    return t == null ? Double.NaN : t.toEpochMilli();
  }

  /** Whether a numeric field has a value in this row (a logged NaN counts as present). */
  boolean present(RunRow row) {
    if (type == Type.METRIC) {
      return row.metrics().containsKey(key);
    }
    return (key.equals("start_time") ? row.info().start() : row.info().end()) != null;
  }

  /** The text this field has in a row, or null when missing; for text fields only. */
  String text(RunRow row) {
    return switch (type) {
      case PARAM -> row.params().get(key);
      case TAG -> row.tags().get(key);
      default -> {
        RunInfo i = row.info();
        yield switch (key) {
          case "status" -> i.status().name();
          case "run_name" -> i.name();
          case "user" -> i.user();
          case "host" -> i.host();
          case "run_id" -> i.runId();
          default -> null;
        };
      }
    };
  }
}
