package io.flightdeck.core.jobs;

import io.flightdeck.core.tracking.JobRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a hyperparameter sweep of built-in training across hosts, each host at most its limit of
 * jobs at once, queueing the rest. Implemented by the runners. {@link #run} blocks until every
 * trial ended or was given up; interrupt the calling thread to cancel (running trials are
 * cancelled). Never call it on the UI thread.
 */
public interface SweepService {
  /**
   * A trial's outcome.
   *
   * @param index 0-based position in the plan
   * @param params the trial's hyperparameters (over the base request's)
   * @param host where it ran (or was last tried)
   * @param job its job as stored at the end; null when it never started
   * @param error why it never started; null when it did
   */
  record Trial(int index, Map<String, String> params, String host, JobRecord job, String error) {}

  /**
   * @param name the sweep's name: every trial's run is tagged {@code flightdeck.sweep=name}
   * @param base the request every trial varies
   * @param trials each trial's hyperparameters ({@link SweepPlan})
   * @param hostLimits the hosts to use and how many jobs each may run at once
   * @param status what the sweep does now ("2 trial(s) queued: no free slot (a 1/1)")
   */
  List<Trial> run(
      String name,
      TrainRequest base,
      List<Map<String, String>> trials,
      Map<String, Integer> hostLimits,
      Consumer<String> status)
      throws InterruptedException;
}
