package io.flightdeck.core.jobs;

import io.flightdeck.core.error.FlightdeckException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trials of a hyperparameter sweep: every combination of a grid, or random draws from ranges
 * and choices. Pure; the same seed gives the same trials.
 */
public final class SweepPlan {
  /** At most this many trials in one sweep. */
  public static final int MAX_TRIALS = 1000;

  private SweepPlan() {}

  /**
   * Every combination of the values, in order (the last key varies fastest).
   *
   * @param values each hyperparameter's values ("epochs" → ["5", "10"])
   */
  public static List<Map<String, String>> grid(Map<String, List<String>> values) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (e.getValue().isEmpty()) {
        throw new FlightdeckException(
            "The grid gives no values for '" + e.getKey() + "'.", "Give KEY=V1,V2,...");
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String v : e.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(e.getKey(), v.trim());
          next.add(m);
        }
      }
      out = next;
      if (out.size() > MAX_TRIALS) {
        throw new FlightdeckException(
            "The grid has more than " + MAX_TRIALS + " combinations.",
            "Give fewer values, or use a random sweep with a number of trials.");
      }
    }
    return out.stream().map(Map::copyOf).map(m -> ordered(m, values.keySet())).toList();
  }

  private static Map<String, String> ordered(Map<String, String> m, Iterable<String> keys) {
    Map<String, String> o = new LinkedHashMap<>();
    keys.forEach(k -> o.put(k, m.get(k)));
    return o;
  }

  /**
   * Random trials: a value {@code "LO..HI"} draws uniformly (integers when both ends are integers),
   * {@code "log:LO..HI"} log-uniformly, and {@code "A,B,C"} picks one.
   */
  public static List<Map<String, String>> random(
      Map<String, String> spaces, int trials, long seed) {
    if (trials < 1 || trials > MAX_TRIALS) {
      throw new FlightdeckException(
          trials + " trials is not possible.", "Give 1 to " + MAX_TRIALS + " trials.");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < trials; i++) {
      Map<String, String> m = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : spaces.entrySet()) {
        m.put(e.getKey(), draw(e.getKey(), e.getValue().trim(), rnd));
      }
      out.add(m);
    }
    return out;
  }

  private static String draw(String key, String space, SplittableRandom rnd) {
    boolean log = space.startsWith("log:");
    String s = log ? space.substring(4) : space;
    int dots = s.indexOf("..");
    if (dots < 0) {
      String[] choices = s.split(",");
      return choices[rnd.nextInt(choices.length)].trim();
    }
    String lo = s.substring(0, dots).trim();
    String hi = s.substring(dots + 2).trim();
    try {
      if (!log && lo.matches("-?\\d+") && hi.matches("-?\\d+")) {
        long a = Long.parseLong(lo);
        long b = Long.parseLong(hi);
        check(key, space, a < b);
        return Long.toString(a + rnd.nextLong(b - a + 1));
      }
      double a = Double.parseDouble(lo);
      double b = Double.parseDouble(hi);
      check(key, space, a < b && (!log || a > 0));
      double v =
          log
              ? Math.exp(Math.log(a) + rnd.nextDouble() * (Math.log(b) - Math.log(a)))
              : a + rnd.nextDouble() * (b - a);
      return String.format(Locale.ROOT, "%.6g", v);
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          "'" + space + "' for '" + key + "' is not a range.",
          "Give LO..HI (numbers), log:LO..HI, or choices A,B,C.");
    }
  }

  private static void check(String key, String space, boolean ok) {
    if (!ok) {
      throw new FlightdeckException(
          "The range '" + space + "' for '" + key + "' is empty.",
          "Give LO..HI with LO below HI (and above 0 for log:).");
    }
  }
}
