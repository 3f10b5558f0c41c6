package io.flightdeck.core.dataset;

/** The outcome of the newest validation of a dataset version. */
public enum ValidationStatus {
  /** Never validated. */
  NOT_VALIDATED,
  /** The newest validation found no errors (warnings are allowed). */
  PASSED,
  /** The newest validation found errors: the version is flagged everywhere. */
  FAILED
}
