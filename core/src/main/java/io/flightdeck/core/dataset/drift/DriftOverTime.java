package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.stats.DriftMethod;
import java.util.List;

/**
 * Drift scores over time: windows of a version split by its time column, or a series of versions,
 * each tested against the whole reference, with NannyML's alert band (mean +- 3 std of the same
 * score over windows of the reference itself).
 *
 * @param reference the reference version
 * @param description what the windows are, e.g. {@code weather:2 split by 'date' into 12 windows}
 * @param windows the windows (or versions), in time order
 * @param columns one series per tested column
 * @param notes columns not tested and why
 */
public record DriftOverTime(
    String reference,
    String description,
    List<Window> windows,
    List<ColumnSeries> columns,
    List<String> notes) {
  /** Copies the lists. */
  public DriftOverTime {
    windows = List.copyOf(windows);
    columns = List.copyOf(columns);
    notes = List.copyOf(notes);
  }

  /**
   * One window.
   *
   * @param label e.g. {@code 2015-01-01..2015-01-31} or {@code weather:3}
   * @param rows rows in it
   */
  public record Window(String label, long rows) {}

  /**
   * A column's score in each window.
   *
   * @param column the column
   * @param method the method (the one chosen for the whole comparison, so scores are comparable)
   * @param threshold the method's drift threshold
   * @param bandLower lower edge of the alert band (mean - 3 std over reference windows), or null
   *     when the reference has too few windows
   * @param bandUpper upper edge of the alert band, or null
   * @param referenceScores the statistic of each reference window against the whole reference
   * @param points one per window, in window order
   */
  public record ColumnSeries(
      String column,
      DriftMethod method,
      double threshold,
      Double bandLower,
      Double bandUpper,
      List<Double> referenceScores,
      List<Point> points) {
    /** Copies the lists. */
    public ColumnSeries {
      referenceScores = List.copyOf(referenceScores);
      points = List.copyOf(points);
    }
  }

  /**
   * A column's result in one window.
   *
   * @param window the window label
   * @param statistic the statistic (distance or test statistic), null when the window has no values
   * @param pValue the p-value when the method has one
   * @param drifted the verdict against the threshold
   * @param alert whether the statistic lies outside the band
   */
  public record Point(
      String window, Double statistic, Double pValue, boolean drifted, boolean alert) {}
}
