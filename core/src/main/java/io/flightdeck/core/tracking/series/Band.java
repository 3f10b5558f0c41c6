package io.flightdeck.core.tracking.series;

import java.util.Arrays;
import java.util.List;

/**
 * Groups several runs' series (e.g. seeds) into one band: per step, the mean, min, max and
 * population standard deviation of the runs that have a finite value at that step. Stateless and
 * thread-safe.
 */
public final class Band {
  /**
   * One aggregated series. Every array has one entry per step; arrays are owned by the record.
   *
   * @param x the union of all runs' x values, sorted, each once
   * @param mean mean of the finite values at that x (NaN when none)
   * @param min smallest finite value (NaN when none)
   * @param max largest finite value (NaN when none)
   * @param std population standard deviation (0 for one value, NaN when none)
   * @param count how many runs had a finite value there
   */
  public record Result(
      double[] x, double[] mean, double[] min, double[] max, double[] std, int[] count) {
    /** The mean as a chart series (NaN means a gap). */
    public Series meanSeries() {
      return new Series(x, mean);
    }
  }

  private Band() {}

  /**
   * Aligns the series by exact x (step) and aggregates them. When a run has the same x more than
   * once, its last value there counts. Non-finite x values are ignored.
   *
   * @param runs the runs' series; not changed
   * @return the band; empty arrays when there is no point at all
   */
  public static Result group(List<Series> runs) {
    int total = 0;
    for (Series s : runs) {
      total += s.size();
    }
    double[] all = new double[total];
    int n = 0;
    for (Series s : runs) {
      for (double v : s.x()) {
        if (Double.isFinite(v)) {
          all[n++] = v;
        }
      }
    }
    Arrays.sort(all, 0, n);
    int steps = 0;
    for (int i = 0; i < n; i++) {
      if (steps == 0 || all[i] != all[steps - 1]) {
        all[steps++] = all[i];
      }
    }
    double[] x = Arrays.copyOf(all, steps);
    // per run, the value that counts at each step (its last one), NaN when none
    double[][] at = new double[runs.size()][];
    for (int r = 0; r < runs.size(); r++) {
      Series s = runs.get(r);
      double[] v = new double[steps];
      Arrays.fill(v, Double.NaN);
      for (int i = 0; i < s.size(); i++) {
        if (Double.isFinite(s.x()[i])) {
          v[Arrays.binarySearch(x, s.x()[i])] = s.y()[i];
        }
      }
      at[r] = v;
    }
    double[] mean = new double[steps];
    double[] min = new double[steps];
    double[] max = new double[steps];
    double[] std = new double[steps];
    int[] count = new int[steps];
    for (int k = 0; k < steps; k++) {
      double sum = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      int c = 0;
      for (double[] v : at) {
        if (Double.isFinite(v[k])) {
          sum += v[k];
          lo = Math.min(lo, v[k]);
          hi = Math.max(hi, v[k]);
          c++;
        }
      }
      count[k] = c;
      if (c == 0) {
        mean[k] = min[k] = max[k] = std[k] = Double.NaN;
        continue;
      }
      double m = sum / c;
      double sq = 0;
      for (double[] v : at) {
        if (Double.isFinite(v[k])) {
          sq += (v[k] - m) * (v[k] - m);
        }
      }
      mean[k] = m;
      min[k] = lo;
      max[k] = hi;
      std[k] = Math.sqrt(sq / c);
    }
    return new Result(x, mean, min, max, std, count);
  }
}
