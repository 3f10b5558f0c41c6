package io.flightdeck.views.charts;

/**
 * One line of a {@link MetricChart}, already reduced to what the canvas can show (a few points per
 * pixel). NaN in {@code y} is a gap. Arrays are not copied: do not change them after handing them
 * over.
 *
 * @param name legend text
 * @param x ascending x values (steps, or seconds since the start)
 * @param y values at {@code x}: the raw line, or the mean of a group
 * @param smoothX x of the smoothed line; null when not smoothed
 * @param smoothY the smoothed line; null when not smoothed (then {@code y} is drawn solid)
 * @param lo lower edge of a band at {@code x} (min of a group); null when none
 * @param hi upper edge of a band at {@code x}; null when none
 */
public record ChartSeries(
    String name,
    double[] x,
    double[] y,
    double[] smoothX,
    double[] smoothY,
    double[] lo,
    double[] hi) {

  /** A plain line. */
  public static ChartSeries line(String name, double[] x, double[] y) {
    return new ChartSeries(name, x, y, null, null, null, null);
  }

  /** The number of points the canvas draws for this series. */
  public int points() {
    return x.length + (smoothX == null ? 0 : smoothX.length);
  }
}
