package io.flightdeck.agent;

/** A job the supervisor runs. */
interface Job {
  /**
   * Runs the job to its end on the calling thread, reporting through {@code events}.
   *
   * @return how it ended; expected failures are outcomes, not exceptions
   */
  Outcome run(Events events) throws Exception;

  /**
   * Asks a running job to stop (from another thread); returns false when the job cannot stop
   * itself, so the supervisor ends it.
   */
  boolean cancel();

  /** How a job ended: FINISHED, FAILED or KILLED, with the exit code of command jobs. */
  record Outcome(String status, Integer exitCode, String message) {
    static Outcome finished(String message) {
      return new Outcome("FINISHED", null, message);
    }

    static Outcome failed(String message) {
      return new Outcome("FAILED", null, message);
    }
  }
}
