package io.flightdeck.core.tracking;

/**
 * The state of a job that an agent runs for a run. Persisted, so that the app can re-attach to a
 * job after a restart. QUEUED and RUNNING are live; the others are terminal.
 */
public enum JobState {
  /** Waiting to start (no free slot, host unreachable, uploading): the job's message says why. */
  QUEUED,
  /** Started by an agent; events are flowing or will be re-attached. */
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  /** The agent lost the job (its process vanished without an end event). */
  LOST;

  /** True once the job can no longer change. */
  public boolean terminal() {
    return this != QUEUED && this != RUNNING;
  }
}
