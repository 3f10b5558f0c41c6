package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.stats.ColumnDriftResult;
import io.flightdeck.core.stats.ColumnKind;
import io.flightdeck.core.stats.DatasetDrift;
import io.flightdeck.core.stats.DatasetDriftResult;
import io.flightdeck.core.stats.DriftMethod;
import io.flightdeck.core.stats.DriftMethodSelector;
import io.flightdeck.core.stats.DriftResult;
import io.flightdeck.core.stats.DriftTests;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares two dataset versions column by column with the drift methods of {@code core.stats}
 * (Evidently's choice per column unless overridden) and gives the dataset verdict. Columns are read
 * one at a time per worker (a few workers in parallel, as many as the heap allows), so memory stays
 * near 24 bytes per value of the largest column. Stateless and thread-safe; blocking.
 */
public final class DriftAnalyzer {
  /** A version and its data. */
  public record Side(DatasetVersionInfo info, ColumnarReader data) {}

  /**
   * Computes drift.
   *
   * @throws FlightdeckException when an override does not fit a column (KS on categories) or the
   *     data cannot be read
   * @throws CancellationException when {@code progress} asks to stop
   */
  public DriftReport compare(
      Side ref, Side cur, DriftOptions options, ImportProgress progress, Instant now) {
    DriftPlan plan = DriftPlan.of(ref.info(), cur.info());
    DriftMethodSelector selector = new DriftMethodSelector(options.methods());
    List<String> notes = new ArrayList<>(plan.notes());
    List<DriftPlan.Planned> cols = plan.columns();
    List<Future<Object>> futures = new ArrayList<>();
    int workers = workers(Math.max(ref.data().rows(), cur.data().rows()), options);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "flightdeck-drift-" + COUNTER.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      for (DriftPlan.Planned p : cols) {
        futures.add(pool.submit(() -> column(p, ref, cur, selector, options, progress)));
      }
      List<ColumnDrift> results = new ArrayList<>();
      List<ColumnDriftResult> forVerdict = new ArrayList<>();
      boolean sampled = false;
      for (Future<Object> f : futures) {
        Object o = get(f);
        if (o instanceof Tested t) {
          results.add(t.drift);
          forVerdict.add(t.result);
          sampled |= t.sampled;
        } else {
          notes.add((String) o);
        }
      }
      DatasetDriftResult verdict =
          new DatasetDrift(selector, options.thresholds(), options.driftShare())
              .summarize(forVerdict);
      return new DriftReport(
          ref.info().ref().toString(),
          cur.info().ref().toString(),
          now,
          results,
          notes,
          verdict.driftedColumns(),
          verdict.share(),
          verdict.driftShareThreshold(),
          verdict.datasetDrift(),
          sampled);
    } finally {
      pool.shutdownNow();
    }
  }

  private static final AtomicInteger COUNTER = new AtomicInteger();

  record Tested(ColumnDrift drift, ColumnDriftResult result, boolean sampled) {}

  private static int workers(long rows, DriftOptions options) {
    long perValue = 24L * 2 * Math.min(rows, options.maxRowsPerSide());
    long heap = Runtime.getRuntime().maxMemory() / 2;
    long fit = Math.max(1, heap / Math.max(1, perValue));
    return (int)
        Math.max(1, Math.min(Math.min(4, Runtime.getRuntime().availableProcessors()), fit));
  }

  private static Object get(Future<Object> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Drift computation interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new FlightdeckException(
          "Cannot read a dataset version's data: " + c.getMessage() + ".",
          "Restore the workspace from a backup, or import the version again.",
          c);
    }
  }

  private static Object column(
      DriftPlan.Planned p,
      Side ref,
      Side cur,
      DriftMethodSelector selector,
      DriftOptions options,
      ImportProgress progress)
      throws IOException {
    if (progress.isCancelled()) {
      throw new CancellationException("Drift computation cancelled");
    }
    int cap = options.maxRowsPerSide();
    ColumnValues r =
        ColumnValues.read(ref.data(), ref.data().indexOf(p.name()), p.numeric(), null, 1, cap);
    ColumnValues c =
        ColumnValues.read(cur.data(), cur.data().indexOf(p.name()), p.numeric(), null, 1, cap);
    if (r.used(0) == 0 || c.used(0) == 0) {
      return "Column '"
          + p.name()
          + "' has no values in "
          + (r.used(0) == 0 ? ref.info().ref() : cur.info().ref())
          + ": not tested.";
    }
    Tested t = test(p.name(), p.type(), r, 0, c, 0, selector, options);
    return t;
  }

  /** Tests group {@code rg} of {@code r} against group {@code cg} of {@code c}. */
  static Tested test(
      String name,
      io.flightdeck.core.dataset.ColumnType type,
      ColumnValues r,
      int rg,
      ColumnValues c,
      int cg,
      DriftMethodSelector selector,
      DriftOptions options) {
    DriftResult res;
    DriftChart chart;
    ColumnKind kind = r.numeric ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL;
    try {
      if (r.numeric) {
        double[] a = r.sorted(rg);
        double[] b = c.sorted(cg);
        long distinct = distinctUnion(a, b, DriftMethodSelector.FEW_VALUES);
        DriftMethod m = selector.select(name, kind, r.seen[rg], distinct);
        res = DriftTests.numeric(m, a, b, threshold(options, name, m));
        chart = DriftCharts.numeric(a, b);
      } else {
        Set<String> keys = new HashSet<>(r.counts[rg].keySet());
        keys.addAll(c.counts[cg].keySet());
        DriftMethod m = selector.select(name, kind, r.used(rg), keys.size());
        res = DriftTests.categorical(m, r.counts[rg], c.counts[cg], threshold(options, name, m));
        chart = DriftCharts.categorical(r.counts[rg], c.counts[cg]);
      }
    } catch (IllegalArgumentException e) {
      throw new FlightdeckException(
          "Cannot test column '" + name + "' for drift: " + e.getMessage() + ".",
          "Choose a method that fits the column (KS and Wasserstein need numbers).",
          e);
    }
    Double p = res.pValue().isPresent() ? res.pValue().getAsDouble() : null;
    ColumnDrift drift =
        new ColumnDrift(
            name,
            type,
            res.method(),
            res.statistic(),
            p,
            res.threshold(),
            res.drifted(),
            r.used(rg),
            c.used(cg),
            r.missing[rg],
            c.missing[cg],
            chart);
    ColumnDriftResult forVerdict =
        new ColumnDriftResult(
            name, kind, res, r.used(rg), c.used(cg), r.missing[rg], c.missing[cg]);
    return new Tested(drift, forVerdict, r.sampled || c.sampled);
  }

  private static double threshold(DriftOptions o, String column, DriftMethod m) {
    return o.thresholds().getOrDefault(column, m.defaultThreshold());
  }

  /**
   * Distinct values in the union of two sorted arrays, counted up to {@code limit + 1}: Evidently's
   * choice only asks whether there are more than {@link DriftMethodSelector#FEW_VALUES}, so the
   * count stops early (most numeric columns answer within a few values).
   */
  static long distinctUnion(double[] a, double[] b, long limit) {
    long n = 0;
    int i = 0;
    int j = 0;
    double last = Double.NaN;
    while ((i < a.length || j < b.length) && n <= limit) {
      double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (n == 0 || v != last) {
        n++;
        last = v;
      }
    }
    return n;
  }
}
