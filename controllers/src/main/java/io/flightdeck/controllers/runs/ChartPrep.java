package io.flightdeck.controllers.runs;

import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.series.Band;
import io.flightdeck.core.tracking.series.Downsampler;
import io.flightdeck.core.tracking.series.Ema;
import io.flightdeck.core.tracking.series.Series;
import io.flightdeck.views.charts.ChartSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Turns metric histories into what a {@link io.flightdeck.views.charts.MetricChart} draws: EMA on
 * the whole history, then min/max downsampling of the visible x range to about 2 points per pixel.
 * Pure functions; safe on any thread.
 */
public final class ChartPrep {
  private ChartPrep() {}

  /**
   * One metric history as arrays.
   *
   * @param name legend text
   * @param step x by step
   * @param time x by seconds since the run started
   * @param y the values (NaN kept: a gap)
   */
  public record Raw(String name, double[] step, double[] time, double[] y) {
    /** From a history in (step, timestamp) order; {@code start} is the run's start. */
    public static Raw of(String name, List<Metric> history, Instant start) {
      int n = history.size();
      double[] s = new double[n], t = new double[n], y = new double[n];
      long t0 = start != null ? start.toEpochMilli() : n == 0 ? 0 : history.get(0).timestampMs();
      for (int i = 0; i < n; i++) {
        Metric m = history.get(i);
        s[i] = m.step();
        t[i] = (m.timestampMs() - t0) / 1000.0;
        y[i] = m.value();
      }
      return new Raw(name, s, t, y);
    }

    public double[] x(boolean byTime) {
      return byTime ? time : step;
    }
  }

  /**
   * Reduces one line for a chart {@code pixels} wide.
   *
   * @param smooth EMA weight 0..0.99 (0: no smoothed line)
   * @param window the x range shown {min, max}, or null for all
   */
  public static ChartSeries line(
      Raw raw, boolean byTime, double smooth, int pixels, double[] window) {
    double[] x = raw.x(byTime);
    int[] range = range(x, window);
    int buckets = Math.max(1, pixels);
    double[] xs = Arrays.copyOfRange(x, range[0], range[1]);
    Series r = Downsampler.minMax(xs, Arrays.copyOfRange(raw.y(), range[0], range[1]), buckets);
    if (smooth <= 0) {
      return ChartSeries.line(raw.name(), r.x(), r.y());
    }
    double[] sm = Ema.smooth(raw.y(), Math.min(smooth, Ema.MAX_WEIGHT));
    Series s = Downsampler.minMax(xs, Arrays.copyOfRange(sm, range[0], range[1]), buckets);
    return new ChartSeries(raw.name(), r.x(), r.y(), s.x(), s.y(), null, null);
  }

  /**
   * A group's mean line with its min-max band, aligned by step, reduced per pixel bucket (mean
   * averaged, min of the minima, max of the maxima: spikes stay in the band).
   */
  public static ChartSeries band(
      String name, List<Raw> runs, double smooth, int pixels, double[] window) {
    List<Series> parts =
        runs.stream()
            .map(
                r ->
                    new Series(
                        r.step(),
                        smooth > 0 ? Ema.smooth(r.y(), Math.min(smooth, Ema.MAX_WEIGHT)) : r.y()))
            .toList();
    Band.Result b = Band.group(parts);
    int[] range = range(b.x(), window);
    int n = range[1] - range[0];
    int buckets = Math.max(1, pixels);
    if (n <= 2 * buckets) {
      return new ChartSeries(
          name,
          Arrays.copyOfRange(b.x(), range[0], range[1]),
          Arrays.copyOfRange(b.mean(), range[0], range[1]),
          null,
          null,
          Arrays.copyOfRange(b.min(), range[0], range[1]),
          Arrays.copyOfRange(b.max(), range[0], range[1]));
    }
    double[] x = new double[buckets],
        m = new double[buckets],
        lo = new double[buckets],
        hi = new double[buckets];
    for (int k = 0; k < buckets; k++) {
      int from = range[0] + (int) ((long) n * k / buckets);
      int to = range[0] + (int) ((long) n * (k + 1) / buckets);
      double sum = 0, mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
      int c = 0;
      for (int i = from; i < to; i++) {
        if (Double.isFinite(b.mean()[i])) {
          sum += b.mean()[i];
          mn = Math.min(mn, b.min()[i]);
          mx = Math.max(mx, b.max()[i]);
          c++;
        }
      }
      x[k] = b.x()[from];
      m[k] = c == 0 ? Double.NaN : sum / c;
      lo[k] = c == 0 ? Double.NaN : mn;
      hi[k] = c == 0 ? Double.NaN : mx;
    }
    return new ChartSeries(name, x, m, null, null, lo, hi);
  }

  /** Index range [from, to) of the points inside the window, with one point more on each side. */
  static int[] range(double[] x, double[] window) {
    if (window == null || x.length == 0) {
      return new int[] {0, x.length};
    }
    int from = lowerBound(x, window[0]);
    int to = lowerBound(x, Math.nextUp(window[1]));
    return new int[] {Math.max(0, from - 1), Math.min(x.length, to + 1)};
  }

  private static int lowerBound(double[] x, double v) {
    int lo = 0, hi = x.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
