package io.flightdeck.core.tracking.series;

/**
 * A line for a chart: x (step or time) and y of equal length, x non-decreasing. A NaN y is a gap:
 * charts break the line there. The arrays are owned by the record and not copied; callers must not
 * change them after handing them over.
 */
public record Series(double[] x, double[] y) {
  public Series {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " points, y has " + y.length);
    }
  }

  public int size() {
    return x.length;
  }
}
