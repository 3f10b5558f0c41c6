package io.flightdeck.core.dataset;

/** What a column means to training and monitoring. */
public enum ColumnRole {
  /** An input of the model; profiled, validated and tested for drift. */
  FEATURE,
  /** What the model predicts; tested for drift like a feature (target drift). */
  TARGET,
  /** A row identifier; profiled, never tested for drift. */
  ID,
  /** The event time; splits a version into windows for drift over time. At most one. */
  TIME,
  /** Kept and exported, but neither validated nor tested for drift. */
  IGNORED;

  /** Whether drift tests apply to columns with this role. */
  public boolean driftTested() {
    return this == FEATURE || this == TARGET;
  }
}
