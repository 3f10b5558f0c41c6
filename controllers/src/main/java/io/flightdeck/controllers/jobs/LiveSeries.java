package io.flightdeck.controllers.jobs;

import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.tracking.series.Downsampler;
import io.flightdeck.core.tracking.series.Series;
import java.util.Arrays;
import java.util.List;

/**
 * The points of one metric of one run, grown by reading only what was stored since the last read
 * ({@link TrackingRepository#metricTail}), so a live chart costs the new points, not the history.
 * Confined to one task at a time (the caller serialises reads).
 */
final class LiveSeries {
  private String run = "";
  private String key = "";
  private long[] step = new long[1024];
  private long[] ts = new long[1024];
  private double[] value = new double[1024];
  private int size;

  /** Reads the new points of {@code run}/{@code key}; starts over when either changed. */
  synchronized LiveSeries read(TrackingRepository repo, String run, String key) {
    if (!run.equals(this.run) || !key.equals(this.key)) {
      this.run = run;
      this.key = key;
      size = 0;
    }
    List<Metric> tail = repo.metricTail(run, key, size);
    ensure(size + tail.size());
    for (Metric m : tail) {
      step[size] = m.step();
      ts[size] = m.timestampMs();
      value[size] = m.value();
      size++;
    }
    return this;
  }

  /** The series reduced to about two points per pixel, x by step or by seconds since the start. */
  synchronized Series reduce(int width, boolean byTime) {
    double[] x = new double[size];
    double[] y = Arrays.copyOf(value, size);
    long t0 = size == 0 ? 0 : ts[0];
    for (int i = 0; i < size; i++) {
      x[i] = byTime ? (ts[i] - t0) / 1000.0 : step[i];
    }
    if (!sorted(x)) {
      // rare for a live run (steps logged out of order): sort by x, keeping each point's value
      Integer[] idx = new Integer[size];
      for (int i = 0; i < size; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
      double[] sx = new double[size];
      double[] sy = new double[size];
      for (int i = 0; i < size; i++) {
        sx[i] = x[idx[i]];
        sy[i] = y[idx[i]];
      }
      return Downsampler.minMax(sx, sy, width);
    }
    return Downsampler.minMax(x, y, width);
  }

  private static boolean sorted(double[] x) {
    for (int i = 1; i < x.length; i++) {
      if (x[i] < x[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private void ensure(int n) {
    if (n > step.length) {
      int cap = Math.max(n, step.length * 2);
      step = Arrays.copyOf(step, cap);
      ts = Arrays.copyOf(ts, cap);
      value = Arrays.copyOf(value, cap);
    }
  }
}
