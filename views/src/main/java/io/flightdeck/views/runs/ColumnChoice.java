package io.flightdeck.views.runs;

/**
 * An optional column of the runs table.
 *
 * @param kind the kind of value shown
 * @param key the param, tag or metric key
 * @param agg for metrics: which summary is shown
 */
public record ColumnChoice(Kind kind, String key, Agg agg) {
  /** What a column shows. */
  public enum Kind {
    PARAM,
    TAG,
    METRIC
  }

  /** Which summary of a metric a column shows (its index in {@link RunTableRow#metrics}). */
  public enum Agg {
    LAST,
    MIN,
    MAX
  }

  public static ColumnChoice param(String key) {
    return new ColumnChoice(Kind.PARAM, key, Agg.LAST);
  }

  public static ColumnChoice tag(String key) {
    return new ColumnChoice(Kind.TAG, key, Agg.LAST);
  }

  public static ColumnChoice metric(String key, Agg agg) {
    return new ColumnChoice(Kind.METRIC, key, agg);
  }

  /** The column header. */
  public String title() {
    return switch (kind) {
      case PARAM -> "params." + key;
      case TAG -> "tags." + key;
      case METRIC -> key + (agg == Agg.LAST ? "" : " (" + agg.name().toLowerCase() + ")");
    };
  }
}
