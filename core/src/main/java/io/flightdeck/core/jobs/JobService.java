package io.flightdeck.core.jobs;

import io.flightdeck.core.tracking.JobRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs training and command jobs on an agent and stores their events in the tracking store exactly
 * once. Implemented by the runners (local child process, later SSH hosts).
 *
 * <p>Threading: every method but the listener registration blocks on the store or the agent and
 * must not be called on the UI thread. Listeners are called on the service's own thread.
 */
public interface JobService extends AutoCloseable {
  /** The host jobs run on ("local" for this machine). */
  String host();

  /**
   * Checks and starts a built-in training job; nothing is created when the request is wrong.
   *
   * @throws io.flightdeck.core.error.FlightdeckException naming the column, param or version
   */
  JobRecord submitTraining(TrainRequest request);

  /** Checks and starts a command job; nothing is created when the command cannot be found. */
  JobRecord submitCommand(CommandRequest request);

  /** Kills the job's whole process tree; the job then ends CANCELLED and its run KILLED. */
  void cancel(String jobId);

  /** Re-attaches to the live jobs of this host (after a restart). */
  void reattach();

  /** Waits until the job is terminal or the timeout passes; returns the stored job. */
  JobRecord awaitEnd(String jobId, Duration timeout) throws InterruptedException;

  Optional<JobRecord> job(String jobId);

  void addListener(Consumer<JobUpdate> listener);

  void removeListener(Consumer<JobUpdate> listener);

  /** Ends the agent session; jobs go on and can be re-attached. */
  @Override
  void close();
}
