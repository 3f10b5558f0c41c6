package io.flightdeck.core.stats;

/** The usual reading of a population stability index. */
public enum PsiSeverity {
  /** PSI below 0.1: no significant change. */
  NONE,
  /** {@code 0.1 <= PSI < 0.25}: moderate change. */
  MODERATE,
  /** PSI >= 0.25: major change. */
  MAJOR;

  /** Moderate drift starts here. */
  public static final double MODERATE_AT = 0.1;

  /** Major drift starts here. */
  public static final double MAJOR_AT = 0.25;

  /** Classifies a PSI value; NaN counts as {@link #NONE}. */
  public static PsiSeverity of(double psi) {
    if (psi >= MAJOR_AT) {
      return MAJOR;
    }
    return psi >= MODERATE_AT ? MODERATE : NONE;
  }
}
