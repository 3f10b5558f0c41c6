package io.flightdeck.core.tracking;

/** The life of a run, as MLflow names it. RUNNING is the only state that is not terminal. */
public enum RunStatus {
  RUNNING,
  FINISHED,
  FAILED,
  KILLED;

  /** True for every state but RUNNING. */
  public boolean terminal() {
    return this != RUNNING;
  }
}
