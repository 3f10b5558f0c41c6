package io.flightdeck.views.charts;

/**
 * Where data lands on a chart canvas: the plot rectangle in pixels and the data ranges it shows.
 * With {@code logY} the y range is in log10 units.
 */
public record ChartFrame(
    double left,
    double top,
    double width,
    double height,
    double xMin,
    double xMax,
    double yMin,
    double yMax,
    boolean logY) {

  /** Pixel x of data x. */
  public double px(double x) {
    return left + (x - xMin) / (xMax - xMin) * width;
  }

  /** Pixel y of data y (NaN when it cannot be shown, e.g. y <= 0 on a log axis). */
  public double py(double y) {
    double v = logY ? (y > 0 ? Math.log10(y) : Double.NaN) : y;
    return top + height - (v - yMin) / (yMax - yMin) * height;
  }

  /** Data x at pixel x. */
  public double dataX(double px) {
    return xMin + (px - left) / width * (xMax - xMin);
  }
}
