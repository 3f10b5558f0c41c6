package io.flightdeck.core.registry.eval;

import io.flightdeck.core.error.FlightdeckException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model metrics by the values of a group column (for example region or age band) and the gaps
 * between groups.
 *
 * <p>Classification works with one <em>positive</em> class: a row is a positive prediction when the
 * model's most probable class is it. Demographic parity difference is the largest minus the
 * smallest positive-prediction rate (selection rate) across groups; equal opportunity difference is
 * the largest minus the smallest true positive rate across the groups that have rows of the
 * positive class (groups without any are left out of it; null when no group has one). Both are 0
 * for a model that treats groups alike. Which class is positive: the caller's choice, else {@link
 * #defaultPositive}: the second label of a binary model (label index 1, scikit-learn's {@code
 * pos_label=1} and the class the ROC curve is drawn for), and for more classes the rarest class
 * among the true values (the first in label order on a tie), usually the one fairness is about.
 *
 * <p>Regression gives per-group RMSE, MAE and R² and no differences. Stateless and thread-safe.
 */
public final class Fairness {
  /** The most distinct group values accepted; more means the column is not a grouping. */
  public static final int MAX_GROUPS = 100;

  /** The group name of rows whose group value is missing. */
  public static final String MISSING = "(missing)";

  private Fairness() {}

  /**
   * The default positive class: index 1 for two classes, else the rarest class present in {@code
   * actual} (lowest index on a tie).
   */
  public static int defaultPositive(int[] actual, int classes) {
    if (classes == 2) {
      return 1;
    }
    long[] n = new long[classes];
    for (int a : actual) {
      n[a]++;
    }
    int best = -1;
    for (int c = 0; c < classes; c++) {
      if (n[c] > 0 && (best < 0 || n[c] < n[best])) {
        best = c;
      }
    }
    return Math.max(best, 0);
  }

  /**
   * Per-group classification metrics and the parity gaps.
   *
   * @param column the group column's name, for the report
   * @param group each row's group value ({@code null} for missing)
   * @param actual true class indices
   * @param predicted predicted class indices
   * @param labels the class labels
   * @param positive the index of the positive class
   * @throws FlightdeckException when the column has more than {@link #MAX_GROUPS} values
   */
  public static EvaluationReport.FairnessReport classification(
      String column,
      String[] group,
      int[] actual,
      int[] predicted,
      List<String> labels,
      int positive) {
    Map<String, long[]> counts = new TreeMap<>(); // rows, hits, tp, fp, fn, tn
    for (int i = 0; i < actual.length; i++) {
      long[] c = counts.computeIfAbsent(name(group[i]), g -> new long[6]);
      checkSize(column, counts.size());
      boolean pos = actual[i] == positive;
      boolean predPos = predicted[i] == positive;
      c[0]++;
      c[1] += actual[i] == predicted[i] ? 1 : 0;
      c[pos ? (predPos ? 2 : 4) : (predPos ? 3 : 5)]++;
    }
    List<EvaluationReport.GroupMetrics> out = new ArrayList<>();
    double selMin = Double.POSITIVE_INFINITY;
    double selMax = Double.NEGATIVE_INFINITY;
    double tprMin = Double.POSITIVE_INFINITY;
    double tprMax = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      double rows = c[0];
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("accuracy", c[1] / rows);
      double selection = (c[2] + c[3]) / rows;
      m.put("selection_rate", selection);
      selMin = Math.min(selMin, selection);
      selMax = Math.max(selMax, selection);
      if (c[2] + c[4] > 0) {
        double tpr = (double) c[2] / (c[2] + c[4]);
        m.put("true_positive_rate", tpr);
        tprMin = Math.min(tprMin, tpr);
        tprMax = Math.max(tprMax, tpr);
      }
      if (c[3] + c[5] > 0) {
        m.put("false_positive_rate", (double) c[3] / (c[3] + c[5]));
      }
      if (c[2] + c[3] > 0) {
        m.put("precision", (double) c[2] / (c[2] + c[3]));
      }
      out.add(new EvaluationReport.GroupMetrics(e.getKey(), c[0], m));
    }
    return new EvaluationReport.FairnessReport(
        column,
        labels.get(positive),
        out,
        out.isEmpty() ? null : selMax - selMin,
        tprMax >= tprMin ? tprMax - tprMin : null);
  }

  /**
   * Per-group regression metrics (no differences).
   *
   * @throws FlightdeckException when the column has more than {@link #MAX_GROUPS} values
   */
  public static EvaluationReport.FairnessReport regression(
      String column, String[] group, double[] actual, double[] predicted) {
    Map<String, List<Integer>> rows = new TreeMap<>();
    for (int i = 0; i < actual.length; i++) {
      rows.computeIfAbsent(name(group[i]), g -> new ArrayList<>()).add(i);
      checkSize(column, rows.size());
    }
    List<EvaluationReport.GroupMetrics> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
      int n = e.getValue().size();
      double[] a = new double[n];
      double[] p = new double[n];
      for (int j = 0; j < n; j++) {
        a[j] = actual[e.getValue().get(j)];
        p[j] = predicted[e.getValue().get(j)];
      }
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("rmse", RegressionMetrics.rmse(a, p));
      m.put("mae", RegressionMetrics.mae(a, p));
      m.put("r2", RegressionMetrics.r2(a, p));
      out.add(new EvaluationReport.GroupMetrics(e.getKey(), n, m));
    }
    return new EvaluationReport.FairnessReport(column, null, out, null, null);
  }

  private static String name(String value) {
    return value == null ? MISSING : value;
  }

  private static void checkSize(String column, int groups) {
    if (groups > MAX_GROUPS) {
      throw new FlightdeckException(
          "The group column '" + column + "' has more than " + MAX_GROUPS + " distinct values.",
          "Choose a column with few values (a category such as region or age band) for fairness.");
    }
  }
}
