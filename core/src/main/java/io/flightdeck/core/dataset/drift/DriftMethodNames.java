package io.flightdeck.core.dataset.drift;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.stats.DriftMethod;
import java.util.Locale;

/**
 * The names drift methods go by in reports and on the command line: Evidently's stattest names
 * ({@code ks}, {@code chisquare}, {@code z}, {@code wasserstein}, {@code jensenshannon}, {@code
 * psi}, {@code kl_div}).
 */
public final class DriftMethodNames {
  private DriftMethodNames() {}

  /** The short name of a method. */
  public static String name(DriftMethod m) {
    return switch (m) {
      case KOLMOGOROV_SMIRNOV -> "ks";
      case CHI_SQUARE -> "chisquare";
      case Z_TEST -> "z";
      case WASSERSTEIN_NORMED -> "wasserstein";
      case JENSEN_SHANNON -> "jensenshannon";
      case PSI -> "psi";
      case KL_DIVERGENCE -> "kl_div";
    };
  }

  /** A human label, e.g. {@code Wasserstein distance (normed)}. */
  public static String label(DriftMethod m) {
    return switch (m) {
      case KOLMOGOROV_SMIRNOV -> "K-S p-value";
      case CHI_SQUARE -> "chi-square p-value";
      case Z_TEST -> "Z-test p-value";
      case WASSERSTEIN_NORMED -> "Wasserstein distance (normed)";
      case JENSEN_SHANNON -> "Jensen-Shannon distance";
      case PSI -> "PSI";
      case KL_DIVERGENCE -> "Kullback-Leibler divergence";
    };
  }

  /**
   * Parses a short name (or the enum name, any case).
   *
   * @throws FlightdeckException listing the accepted names
   */
  public static DriftMethod parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (DriftMethod m : DriftMethod.values()) {
      if (name(m).equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
        return m;
      }
    }
    throw new FlightdeckException(
        "Unknown drift method '" + text + "'.",
        "Use one of ks, chisquare, z, wasserstein, jensenshannon, psi, kl_div.");
  }
}
