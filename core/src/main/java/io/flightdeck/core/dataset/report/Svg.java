package io.flightdeck.core.dataset.report;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG charts for the self-contained HTML report: no scripts, no external files, so the
 * report opens anywhere and can be archived as evidence. Stateless.
 */
final class Svg {
  static final String REF = "#4c78a8";
  static final String CUR = "#f58518";
  static final String BAD = "#d62728";
  static final String OK = "#2ca02c";

  private Svg() {}

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Horizontal bars with a vertical marker line at {@code marker} (e.g. 1 = threshold). */
  static String bars(List<String> labels, List<Double> values, List<Boolean> red, double marker) {
    int rowH = 18;
    int left = 170;
    int width = 620;
    int plot = width - left - 20;
    double max = Math.max(marker * 2, values.stream().mapToDouble(d -> d).max().orElse(1));
    int h = rowH * labels.size() + 30;
    StringBuilder b = open(width, h);
    for (int i = 0; i < labels.size(); i++) {
      double v = Math.max(0, values.get(i));
      double w = plot * Math.min(v, max) / max;
      int y = 10 + i * rowH;
      b.append(text(left - 6, y + 12, labels.get(i), "end"));
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\" fill=\"%s\"/>",
              left,
              y + 2,
              f(Math.max(1, w)),
              rowH - 5,
              red.get(i) ? BAD : OK));
    }
    double mx = left + plot * marker / max;
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%s\" y1=\"6\" x2=\"%s\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>",
            f(mx),
            f(mx),
            h - 16));
    b.append(text(mx, h - 4, "threshold", "middle"));
    return b.append("</svg>").toString();
  }

  /** Reference and current shares side by side per bin or category. */
  static String distribution(List<String> labels, List<Long> ref, List<Long> cur) {
    int n = labels.size();
    int width = 620;
    int h = 170;
    int left = 40;
    int bottom = 40;
    double rt = Math.max(1, ref.stream().mapToLong(Long::longValue).sum());
    double ct = Math.max(1, cur.stream().mapToLong(Long::longValue).sum());
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(ref.get(i) / rt, cur.get(i) / ct));
    }
    max = max == 0 ? 1 : max;
    double slot = (width - left - 10) / (double) Math.max(1, n);
    double plotH = h - bottom - 10;
    StringBuilder b = open(width, h);
    for (int i = 0; i < n; i++) {
      double x = left + i * slot;
      double rh = plotH * ref.get(i) / rt / max;
      double ch = plotH * cur.get(i) / ct / max;
      b.append(rect(x + slot * 0.1, 10 + plotH - rh, slot * 0.4, rh, REF));
      b.append(rect(x + slot * 0.5, 10 + plotH - ch, slot * 0.4, ch, CUR));
      if (n <= 12 || i % Math.max(1, n / 8) == 0) {
        String l = labels.get(i);
        b.append(
            text(
                x + slot / 2,
                h - bottom + 14,
                l.length() > 12 ? l.substring(0, 11) + "…" : l,
                "middle"));
      }
    }
    b.append(text(left - 4, 18, pct(max), "end"));
    b.append(text(left - 4, 10 + plotH, "0", "end"));
    b.append(legend(left, h - 8));
    return b.append("</svg>").toString();
  }

  /** A line of values per window with the alert band and the drift threshold. */
  static String timeline(
      List<String> labels,
      List<Double> values,
      List<Boolean> alerts,
      Double lower,
      Double upper,
      Double threshold) {
    int width = 620;
    int h = 180;
    int left = 50;
    int bottom = 40;
    double lo = 0;
    double hi = 0;
    for (Double v : values) {
      if (v != null) {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
    }
    if (upper != null) {
      hi = Math.max(hi, upper);
    }
    if (threshold != null) {
      hi = Math.max(hi, threshold);
    }
    if (lower != null) {
      lo = Math.min(lo, lower);
    }
    hi = hi == lo ? lo + 1 : hi;
    double plotH = h - bottom - 10;
    int n = values.size();
    double step = (width - left - 20) / (double) Math.max(1, n - 1);
    StringBuilder b = open(width, h);
    if (lower != null && upper != null) {
      double y1 = y(upper, lo, hi, plotH);
      double y2 = y(lower, lo, hi, plotH);
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%s\" width=\"%d\" height=\"%s\" fill=\"%s\" fill-opacity=\"0.18\"/>",
              left,
              f(y1),
              width - left - 20,
              f(Math.max(1, y2 - y1)),
              REF));
    }
    if (threshold != null) {
      double ty = y(threshold, lo, hi, plotH);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>",
              left,
              f(ty),
              width - 20,
              f(ty),
              BAD));
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (values.get(i) == null) {
        continue;
      }
      double x = left + i * step;
      double yy = y(values.get(i), lo, hi, plotH);
      path.append(path.length() == 0 ? "M" : " L").append(f(x)).append(' ').append(f(yy));
    }
    b.append("<path d=\"")
        .append(path)
        .append("\" fill=\"none\" stroke=\"")
        .append(CUR)
        .append("\"/>");
    for (int i = 0; i < n; i++) {
      if (values.get(i) != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"><title>%s: %s</title></circle>",
                f(left + i * step),
                f(y(values.get(i), lo, hi, plotH)),
                alerts.get(i) ? BAD : CUR,
                esc(labels.get(i)),
                esc(String.format(Locale.ROOT, "%.4g", values.get(i)))));
      }
      if (n <= 8 || i % Math.max(1, n / 6) == 0) {
        String l = labels.get(i);
        b.append(
            text(
                left + i * step,
                h - bottom + 14,
                l.length() > 12 ? l.substring(0, 10) : l,
                "middle"));
      }
    }
    b.append(text(left - 4, 14, String.format(Locale.ROOT, "%.3g", hi), "end"));
    b.append(text(left - 4, 10 + plotH, String.format(Locale.ROOT, "%.3g", lo), "end"));
    return b.append("</svg>").toString();
  }

  private static double y(double v, double lo, double hi, double plotH) {
    return 10 + plotH - plotH * (v - lo) / (hi - lo);
  }

  private static String legend(int x, int y) {
    return rect(x, y - 9, 10, 10, REF)
        + text(x + 14, y, "reference", "start")
        + rect(x + 90, y - 9, 10, 10, CUR)
        + text(x + 104, y, "current", "start");
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static StringBuilder open(int w, int h) {
    return new StringBuilder(4096)
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">");
  }

  private static String rect(double x, double y, double w, double h, String fill) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>",
        f(x),
        f(y),
        f(Math.max(0, w)),
        f(Math.max(0, h)),
        fill);
  }

  private static String text(double x, double y, String s, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>",
        f(x),
        f(y),
        anchor,
        esc(s));
  }
}
