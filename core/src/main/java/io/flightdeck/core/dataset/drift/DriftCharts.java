package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.stats.Binning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the reference-vs-current distributions shown next to a drift result. Stateless. */
final class DriftCharts {
  /** Categories shown; the rest are summed as {@code (other)}. */
  static final int MAX_CATEGORIES = 30;

  /** Bins shown at most (Sturges' rule gives 22 for a million values). */
  static final int MAX_BINS = 50;

  private DriftCharts() {}

  /** Shared equal-width bins by Sturges' rule over both sorted samples (as Evidently bins). */
  static DriftChart numeric(double[] ref, double[] cur) {
    double lo =
        Math.min(
            ref.length > 0 ? ref[0] : Double.POSITIVE_INFINITY,
            cur.length > 0 ? cur[0] : Double.POSITIVE_INFINITY);
    double hi =
        Math.max(
            ref.length > 0 ? ref[ref.length - 1] : Double.NEGATIVE_INFINITY,
            cur.length > 0 ? cur[cur.length - 1] : Double.NEGATIVE_INFINITY);
    long n = (long) ref.length + cur.length;
    int bins = Math.min(MAX_BINS, Binning.sturgesBins(n, lo, hi));
    double[] edges = Binning.equalWidthEdges(lo, hi, bins);
    List<Double> e = new ArrayList<>(edges.length);
    for (double x : edges) {
      e.add(x);
    }
    return new DriftChart(
        e, List.of(), list(Binning.counts(ref, edges)), list(Binning.counts(cur, edges)));
  }

  private static List<Long> list(long[] counts) {
    List<Long> out = new ArrayList<>(counts.length);
    for (long k : counts) {
      out.add(k);
    }
    return out;
  }

  /** The most frequent categories of both sides, the rest as {@code (other)}. */
  static DriftChart categorical(Map<String, Long> ref, Map<String, Long> cur) {
    Map<String, Long> total = new HashMap<>(ref);
    cur.forEach((k, v) -> total.merge(k, v, Long::sum));
    List<String> order =
        total.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .toList();
    List<String> shown =
        order.size() > MAX_CATEGORIES ? order.subList(0, MAX_CATEGORIES - 1) : order;
    Set<String> shownSet = new HashSet<>(shown);
    List<String> labels = new ArrayList<>(shown);
    List<Long> r = new ArrayList<>();
    List<Long> c = new ArrayList<>();
    for (String k : shown) {
      r.add(ref.getOrDefault(k, 0L));
      c.add(cur.getOrDefault(k, 0L));
    }
    if (shown.size() < order.size()) {
      labels.add("(other)");
      r.add(sumOthers(ref, shownSet));
      c.add(sumOthers(cur, shownSet));
    }
    return new DriftChart(List.of(), labels, r, c);
  }

  private static long sumOthers(Map<String, Long> m, Set<String> shown) {
    return m.entrySet().stream()
        .filter(e -> !shown.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
