package io.flightdeck.core.stats;

/** How a drift method turns its score into a verdict against a threshold. */
public enum DriftRule {
  /** A p-value test: drift when {@code p <= threshold} (Evidently's KS test). */
  P_VALUE_AT_MOST,
  /** A p-value test: drift when {@code p < threshold} (Evidently's chi-square and Z tests). */
  P_VALUE_BELOW,
  /** A distance or divergence: drift when {@code distance >= threshold}. */
  DISTANCE_AT_LEAST;

  /** Whether {@code score} (a p-value or a distance, by this rule) means drift. NaN never does. */
  public boolean isDrift(double score, double threshold) {
    return switch (this) {
      case P_VALUE_AT_MOST -> score <= threshold;
      case P_VALUE_BELOW -> score < threshold;
      case DISTANCE_AT_LEAST -> score >= threshold;
    };
  }
}
