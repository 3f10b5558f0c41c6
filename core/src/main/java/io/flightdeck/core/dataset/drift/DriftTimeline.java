package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.dataset.csv.TimestampFormat;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.stats.DriftMethod;
import io.flightdeck.core.stats.DriftMethodSelector;
import io.flightdeck.core.stats.StandardDeviationThreshold;
import io.flightdeck.core.stats.ThresholdBand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Drift over time: a version split by its time column into equal time spans, or a series of
 * versions, each tested against the whole reference with the method chosen for the whole
 * comparison. The alert band is NannyML's mean +- 3 std of the same statistic over windows of the
 * reference itself, chunked as NannyML chunks reference and analysis data alike: by its time column
 * into spans as long as the current windows (or {@value #REFERENCE_WINDOWS} spans for a series of
 * versions), else by row order into {@value #REFERENCE_WINDOWS} chunks. Stateless; blocking.
 */
public final class DriftTimeline {
  /** How many windows a reference is split into for the band when comparing versions. */
  public static final int REFERENCE_WINDOWS = 10;

  /**
   * Splits {@code current} by its time column into {@code windows} equal time spans.
   *
   * @throws FlightdeckException when the current version has no time column
   */
  public DriftOverTime byTime(
      DriftAnalyzer.Side ref,
      DriftAnalyzer.Side cur,
      int windows,
      DriftOptions options,
      ImportProgress progress)
      throws IOException {
    if (windows < 2 || windows > 1000) {
      throw new FlightdeckException(
          "Cannot split into " + windows + " windows.", "Choose between 2 and 1000 windows.");
    }
    ColumnSpec time =
        timeColumn(cur)
            .orElseThrow(
                () ->
                    new FlightdeckException(
                        cur.info().ref() + " has no time column, so it cannot be split over time.",
                        "Import it again with --time COLUMN (or mark the time column in the"
                            + " preview), or compare a series of versions."));
    Split curSplit = split(cur.data(), time, windows, 0);
    // NannyML chunks reference and analysis data alike: reference windows span the same time.
    Split refSplit = splitReference(ref, REFERENCE_WINDOWS, curSplit.span);
    List<DriftOverTime.Window> ws = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      ws.add(new DriftOverTime.Window(curSplit.labels.get(w), curSplit.rows[w]));
    }
    DriftPlan plan = DriftPlan.of(ref.info(), cur.info());
    List<DriftOverTime.ColumnSeries> series = new ArrayList<>();
    List<String> notes = new ArrayList<>(plan.notes());
    for (DriftPlan.Planned p : plan.columns()) {
      checkCancel(progress);
      ColumnValues whole = read(ref.data(), p, null, 1, options);
      ColumnValues refChunks = read(ref.data(), p, refSplit.groupOf, refSplit.count, options);
      ColumnValues curValues = read(cur.data(), p, curSplit.groupOf, windows, options);
      ColumnValues curWhole = read(cur.data(), p, null, 1, options);
      Optional<DriftOverTime.ColumnSeries> s =
          series(p, whole, refChunks, refSplit.count, curValues, curWhole, ws, options, notes);
      s.ifPresent(series::add);
    }
    String description =
        cur.info().ref() + " split by '" + time.name() + "' into " + windows + " windows";
    return new DriftOverTime(ref.info().ref().toString(), description, ws, series, notes);
  }

  /** Tests each version of a series against the reference. */
  public DriftOverTime byVersions(
      DriftAnalyzer.Side ref,
      List<DriftAnalyzer.Side> versions,
      DriftOptions options,
      ImportProgress progress)
      throws IOException {
    if (versions.isEmpty()) {
      throw new FlightdeckException("No versions to compare.", "Choose at least one version.");
    }
    Split refSplit = splitReference(ref, REFERENCE_WINDOWS, 0);
    List<DriftOverTime.Window> ws = new ArrayList<>();
    for (DriftAnalyzer.Side v : versions) {
      ws.add(new DriftOverTime.Window(v.info().ref().toString(), v.data().rows()));
    }
    DriftAnalyzer.Side last = versions.get(versions.size() - 1);
    DriftPlan plan = DriftPlan.of(ref.info(), last.info());
    List<DriftOverTime.ColumnSeries> series = new ArrayList<>();
    List<String> notes = new ArrayList<>(plan.notes());
    for (DriftPlan.Planned p : plan.columns()) {
      checkCancel(progress);
      ColumnValues whole = read(ref.data(), p, null, 1, options);
      ColumnValues refChunks = read(ref.data(), p, refSplit.groupOf, refSplit.count, options);
      ColumnValues lastWhole = read(last.data(), p, null, 1, options);
      List<ColumnValues> each = new ArrayList<>();
      for (DriftAnalyzer.Side v : versions) {
        int idx = v.data().indexOf(p.name());
        each.add(
            idx < 0
                ? null
                : ColumnValues.read(v.data(), idx, p.numeric(), null, 1, options.maxRowsPerSide()));
      }
      Optional<Fixed> fixed = fix(p, whole, lastWhole, options, notes);
      if (fixed.isEmpty()) {
        continue;
      }
      List<DriftOverTime.Point> points = new ArrayList<>();
      for (int i = 0; i < versions.size(); i++) {
        points.add(point(ws.get(i).label(), p, whole, each.get(i), 0, fixed.get(), null));
      }
      series.add(withBand(p, whole, refChunks, refSplit.count, fixed.get(), points));
    }
    String description = versions.size() + " versions against " + ref.info().ref();
    return new DriftOverTime(ref.info().ref().toString(), description, ws, series, notes);
  }

  private record Fixed(DriftMethod method, DriftMethodSelector selector, double threshold) {}

  private Optional<DriftOverTime.ColumnSeries> series(
      DriftPlan.Planned p,
      ColumnValues whole,
      ColumnValues refChunks,
      int refCount,
      ColumnValues cur,
      ColumnValues curWhole,
      List<DriftOverTime.Window> ws,
      DriftOptions options,
      List<String> notes) {
    Optional<Fixed> fixed = fix(p, whole, curWhole, options, notes);
    if (fixed.isEmpty()) {
      return Optional.empty();
    }
    List<DriftOverTime.Point> points = new ArrayList<>();
    for (int w = 0; w < ws.size(); w++) {
      points.add(point(ws.get(w).label(), p, whole, cur, w, fixed.get(), null));
    }
    return Optional.of(withBand(p, whole, refChunks, refCount, fixed.get(), points));
  }

  /** The method of the whole comparison, fixed for every window. */
  private static Optional<Fixed> fix(
      DriftPlan.Planned p,
      ColumnValues whole,
      ColumnValues curWhole,
      DriftOptions options,
      List<String> notes) {
    if (whole.used(0) == 0 || curWhole.used(0) == 0) {
      notes.add("Column '" + p.name() + "' has no values on one side: not tested.");
      return Optional.empty();
    }
    DriftAnalyzer.Tested t =
        DriftAnalyzer.test(
            p.name(),
            p.type(),
            whole,
            0,
            curWhole,
            0,
            new DriftMethodSelector(options.methods()),
            options);
    DriftMethod m = t.drift().method();
    return Optional.of(
        new Fixed(m, new DriftMethodSelector(Map.of(p.name(), m)), t.drift().threshold()));
  }

  private static DriftOverTime.Point point(
      String label,
      DriftPlan.Planned p,
      ColumnValues whole,
      ColumnValues values,
      int group,
      Fixed fixed,
      ThresholdBand band) {
    if (values == null || values.used(group) == 0) {
      return new DriftOverTime.Point(label, null, null, false, false);
    }
    DriftOptions o =
        new DriftOptions(
            Map.of(p.name(), fixed.method()),
            Map.of(p.name(), fixed.threshold()),
            0.5,
            DriftOptions.DEFAULT_MAX_ROWS);
    DriftAnalyzer.Tested t =
        DriftAnalyzer.test(p.name(), p.type(), whole, 0, values, group, fixed.selector(), o);
    ColumnDrift d = t.drift();
    return new DriftOverTime.Point(
        label, d.statistic(), d.pValue(), d.drifted(), band != null && band.isAlert(d.statistic()));
  }

  private static DriftOverTime.ColumnSeries withBand(
      DriftPlan.Planned p,
      ColumnValues whole,
      ColumnValues refChunks,
      int refCount,
      Fixed fixed,
      List<DriftOverTime.Point> points) {
    List<Double> refScores = new ArrayList<>();
    for (int g = 0; g < refCount; g++) {
      DriftOverTime.Point rp = point("", p, whole, refChunks, g, fixed, null);
      if (rp.statistic() != null && Double.isFinite(rp.statistic())) {
        refScores.add(rp.statistic());
      }
    }
    Double lower = null;
    Double upper = null;
    List<DriftOverTime.Point> out = points;
    if (refScores.size() >= 2) {
      // Every statistic but the Z-test's is non-negative: clamp the band there, as NannyML does.
      double lowerLimit = fixed.method() == DriftMethod.Z_TEST ? Double.NEGATIVE_INFINITY : 0.0;
      ThresholdBand band =
          new StandardDeviationThreshold()
              .fit(
                  refScores.stream().mapToDouble(Double::doubleValue).toArray(),
                  lowerLimit,
                  Double.POSITIVE_INFINITY);
      lower = band.lower();
      upper = band.upper();
      out = new ArrayList<>();
      for (DriftOverTime.Point pt : points) {
        boolean alert = pt.statistic() != null && band.isAlert(pt.statistic());
        out.add(
            new DriftOverTime.Point(pt.window(), pt.statistic(), pt.pValue(), pt.drifted(), alert));
      }
    }
    return new DriftOverTime.ColumnSeries(
        p.name(), fixed.method(), fixed.threshold(), lower, upper, refScores, out);
  }

  private static ColumnValues read(
      ColumnarReader data, DriftPlan.Planned p, int[] groupOf, int groups, DriftOptions o)
      throws IOException {
    return ColumnValues.read(
        data, data.indexOf(p.name()), p.numeric(), groupOf, groups, o.maxRowsPerSide());
  }

  private static Optional<ColumnSpec> timeColumn(DriftAnalyzer.Side side) {
    return side.info().schema().stream().filter(c -> c.role() == ColumnRole.TIME).findFirst();
  }

  private record Split(int[] groupOf, int count, long[] rows, List<String> labels, double span) {}

  /**
   * The reference's windows: by its time column into spans of {@code span} (or into {@code windows}
   * spans when 0), else by row order into {@code windows} chunks.
   */
  private static Split splitReference(DriftAnalyzer.Side ref, int windows, double span)
      throws IOException {
    Optional<ColumnSpec> time = timeColumn(ref);
    if (time.isPresent()) {
      return split(ref.data(), time.get(), windows, span);
    }
    long n = ref.data().rows();
    int[] groupOf = new int[(int) n];
    long[] rows = new long[windows];
    for (int i = 0; i < n; i++) {
      groupOf[i] = (int) ((long) i * windows / n);
      rows[groupOf[i]]++;
    }
    return new Split(groupOf, windows, rows, List.of(), 0);
  }

  /**
   * Equal time spans from the first time stamp: {@code windows} of them up to the last, or as many
   * spans of {@code fixedSpan} as the range needs (at most 1000) when that is positive. Rows
   * without a time are left out.
   */
  private static Split split(ColumnarReader data, ColumnSpec time, int windows, double fixedSpan)
      throws IOException {
    int col = data.indexOf(time.name());
    int n = (int) data.rows();
    double[] t = new double[n];
    boolean[] has = new boolean[n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int row = 0;
    for (int g = 0; g < data.groups(); g++) {
      ColumnChunk chunk = data.chunk(g, col);
      for (int i = 0; i < chunk.rows(); i++, row++) {
        if (!chunk.isNull(i) && Double.isFinite(chunk.doubleAt(i))) {
          t[row] = chunk.doubleAt(i);
          has[row] = true;
          lo = Math.min(lo, t[row]);
          hi = Math.max(hi, t[row]);
        }
      }
    }
    double span = hi > lo ? (hi - lo) / windows : 1;
    int count = windows;
    if (fixedSpan > 0) {
      span = fixedSpan;
      count = (int) Math.max(1, Math.min(1000, Math.ceil((hi - lo) / span)));
    }
    int[] groupOf = new int[n];
    long[] rows = new long[count];
    for (int i = 0; i < n; i++) {
      if (!has[i]) {
        groupOf[i] = -1;
        continue;
      }
      int w = (int) Math.min(count - 1, Math.floor((t[i] - lo) / span));
      groupOf[i] = w;
      rows[w]++;
    }
    List<String> labels = new ArrayList<>();
    boolean withTime = span < 86_400_000.0;
    for (int w = 0; w < count; w++) {
      labels.add(
          label(time, lo + w * span, withTime) + ".." + label(time, lo + (w + 1) * span, withTime));
    }
    return new Split(groupOf, count, rows, labels, span);
  }

  private static String label(ColumnSpec time, double v, boolean withTime) {
    if (time.type() == ColumnType.TIMESTAMP) {
      String pattern = withTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd";
      return TimestampFormat.of(pattern).format((long) Math.floor(v));
    }
    return String.format(java.util.Locale.ROOT, "%.6g", v);
  }

  private static void checkCancel(ImportProgress progress) {
    if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Drift over time cancelled");
    }
  }
}
