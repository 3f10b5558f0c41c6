package io.flightdeck.core.stats;

/**
 * The drift detection methods, with Evidently's default thresholds and verdict rules. Which columns
 * each accepts: KS and Wasserstein need numbers; chi-square and the Z-test compare category (or
 * distinct value) counts; Jensen-Shannon, PSI and KL compare binned shares (numeric columns are
 * binned as Evidently does, see {@link BinnedShares}).
 */
public enum DriftMethod {
  /**
   * Two-sample Kolmogorov-Smirnov, p-value as {@code scipy.stats.ks_2samp}; drift if {@code p <=
   * 0.05}.
   */
  KOLMOGOROV_SMIRNOV(DriftRule.P_VALUE_AT_MOST, 0.05, true, false),
  /** Pearson chi-square of current counts against reference shares; drift if {@code p < 0.05}. */
  CHI_SQUARE(DriftRule.P_VALUE_BELOW, 0.05, true, true),
  /** Two-proportion Z-test (first category against the rest); drift if {@code p < 0.05}. */
  Z_TEST(DriftRule.P_VALUE_BELOW, 0.05, true, true),
  /** Wasserstein-1 distance divided by the reference's population std; drift if >= 0.1. */
  WASSERSTEIN_NORMED(DriftRule.DISTANCE_AT_LEAST, 0.1, true, false),
  /** Jensen-Shannon distance (natural log) between binned shares; drift if >= 0.1. */
  JENSEN_SHANNON(DriftRule.DISTANCE_AT_LEAST, 0.1, true, true),
  /** Population stability index over binned shares; drift if >= 0.1 (0.25 is "major"). */
  PSI(DriftRule.DISTANCE_AT_LEAST, 0.1, true, true),
  /** Kullback-Leibler divergence of reference from current shares; drift if >= 0.1. */
  KL_DIVERGENCE(DriftRule.DISTANCE_AT_LEAST, 0.1, true, true);

  private final DriftRule rule;
  private final double defaultThreshold;
  private final boolean numeric;
  private final boolean categorical;

  DriftMethod(DriftRule rule, double defaultThreshold, boolean numeric, boolean categorical) {
    this.rule = rule;
    this.defaultThreshold = defaultThreshold;
    this.numeric = numeric;
    this.categorical = categorical;
  }

  /** How the score is compared with the threshold. */
  public DriftRule rule() {
    return rule;
  }

  /** Evidently's default threshold for this method. */
  public double defaultThreshold() {
    return defaultThreshold;
  }

  /** Whether the method yields a p-value (else a distance). */
  public boolean isPValueTest() {
    return rule != DriftRule.DISTANCE_AT_LEAST;
  }

  /** Whether the method accepts a column of this kind. */
  public boolean accepts(ColumnKind kind) {
    return kind == ColumnKind.NUMERIC ? numeric : categorical;
  }
}
