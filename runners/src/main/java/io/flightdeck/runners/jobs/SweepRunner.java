package io.flightdeck.runners.jobs;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.jobs.SweepService.Trial;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingService;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's trials across hosts in parallel, at most each host's limit of jobs at once (jobs
 * not of this sweep count too), queueing the rest. Each trial's run is tagged {@code
 * flightdeck.sweep} (the sweep's name, to group and chart them in Runs) and {@code
 * flightdeck.sweep.trial}. A host that refuses a trial (unreachable, full disk) is rested for a
 * while and the trial goes back to the queue; a trial that failed to start three times is reported
 * and skipped. Blocks the calling thread until every trial ended or was given up; cancel by
 * interrupting it (running trials are cancelled).
 */
public final class SweepRunner implements io.flightdeck.core.jobs.SweepService {
  private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);
  private static final long REST_MILLIS = 15_000;

  private final Fleet fleet;
  private final TrackingService tracking;

  public SweepRunner(Fleet fleet, TrackingService tracking) {
    this.fleet = fleet;
    this.tracking = tracking;
  }

  /**
   * @param name the sweep's name (tag value)
   * @param base the request every trial varies (its params are the defaults)
   * @param trials each trial's hyperparameters, laid over the base's
   * @param hostLimits the hosts to use and how many jobs each may run at once
   * @param status what the sweep does now ("trial 4 of 6 queued: no free slot ...")
   */
  @Override
  public List<Trial> run(
      String name,
      TrainRequest base,
      List<Map<String, String>> trials,
      Map<String, Integer> hostLimits,
      Consumer<String> status)
      throws InterruptedException {
    if (hostLimits.isEmpty()) {
      throw new FlightdeckException("A sweep needs at least one host.", "Choose hosts to run on.");
    }
    Consumer<String> say = dedupe(status);
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < trials.size(); i++) {
      queue.add(i);
    }
    Trial[] done = new Trial[trials.size()];
    // a wrong trial (unknown column, bad hyperparameter) is given up now, before any host is
    // touched; whatever refuses a trial later is the host's doing and is retried elsewhere
    for (int i = 0; i < trials.size(); i++) {
      try {
        fleet.check(request(base, trials.get(i), name, i, "local"));
      } catch (FlightdeckException e) {
        done[i] = new Trial(i, trials.get(i), "", null, e.oneLine());
        queue.remove(i);
        say.accept("sweep " + name + ": trial " + (i + 1) + " is wrong: " + e.oneLine());
      }
    }
    Map<Integer, JobRecord> running = new LinkedHashMap<>();
    Map<Integer, String> runningHost = new LinkedHashMap<>();
    Map<Integer, Integer> attempts = new LinkedHashMap<>();
    Map<String, Long> restedUntil = new LinkedHashMap<>();
    try {
      while (!queue.isEmpty() || !running.isEmpty()) {
        // collect ended trials
        for (Integer i : new ArrayList<>(running.keySet())) {
          JobRecord j = fleet.job(running.get(i).jobId()).orElseThrow();
          if (j.state().terminal()) {
            done[i] = new Trial(i, trials.get(i), runningHost.get(i), j, null);
            running.remove(i);
            say.accept(
                "sweep " + name + ": trial " + (i + 1) + " on " + j.host() + " ended " + j.state());
          }
        }
        // start what fits
        Map<String, Long> live = fleet.liveJobsByHost();
        for (Map.Entry<String, Integer> h : hostLimits.entrySet()) {
          String host = h.getKey();
          if (restedUntil.getOrDefault(host, 0L) > System.currentTimeMillis()) {
            continue;
          }
          long used = live.getOrDefault(host, 0L);
          while (used < h.getValue() && !queue.isEmpty()) {
            int i = queue.poll();
            TrainRequest r = request(base, trials.get(i), name, i, host);
            try {
              JobRecord j = fleet.submitTraining(r);
              tracking.logBatch(
                  new RunBatch(
                      j.runId(),
                      List.of(),
                      List.of(),
                      List.of(
                          new Tag("flightdeck.sweep", name),
                          new Tag("flightdeck.sweep.trial", Integer.toString(i + 1)))));
              running.put(i, j);
              runningHost.put(i, host);
              used++;
              say.accept("sweep " + name + ": trial " + (i + 1) + " started on " + host);
            } catch (FlightdeckException e) {
              int n = attempts.merge(i, 1, Integer::sum);
              LOG.info("Sweep {} trial {} on {} refused: {}", name, i + 1, host, e.oneLine());
              if (n >= 3) {
                // the requests were checked up front, so this is the hosts: three strikes
                done[i] = new Trial(i, trials.get(i), host, null, e.oneLine());
                say.accept("sweep " + name + ": trial " + (i + 1) + " failed: " + e.oneLine());
              } else {
                queue.addFirst(i);
                restedUntil.put(host, System.currentTimeMillis() + REST_MILLIS);
                say.accept(
                    "sweep "
                        + name
                        + ": "
                        + host
                        + " refused trial "
                        + (i + 1)
                        + " ("
                        + e.getMessage()
                        + "); resting it for "
                        + REST_MILLIS / 1000
                        + " s");
              }
              break;
            }
          }
        }
        if (!queue.isEmpty()) {
          say.accept(
              "sweep "
                  + name
                  + ": "
                  + queue.size()
                  + " trial(s) queued: no free slot ("
                  + slots(hostLimits, fleet.liveJobsByHost())
                  + ")");
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      for (JobRecord j : running.values()) {
        try {
          fleet.cancel(j.jobId());
        } catch (RuntimeException ex) {
          LOG.warn("Cancelling sweep job {} failed: {}", j.jobId(), ex.toString());
        }
      }
      throw e;
    }
    List<Trial> out = new ArrayList<>();
    for (Trial t : done) {
      out.add(t);
    }
    return out;
  }

  private static TrainRequest request(
      TrainRequest base, Map<String, String> trial, String name, int i, String host) {
    Map<String, String> params = new LinkedHashMap<>(base.params());
    params.putAll(trial);
    return base.withParams(params, name + " #" + (i + 1)).onHost(host);
  }

  private static Consumer<String> dedupe(Consumer<String> status) {
    String[] last = {null};
    return s -> {
      if (!s.equals(last[0])) {
        last[0] = s;
        status.accept(s);
      }
    };
  }

  private static String slots(Map<String, Integer> limits, Map<String, Long> live) {
    List<String> parts = new ArrayList<>();
    limits.forEach((h, n) -> parts.add(h + " " + live.getOrDefault(h, 0L) + "/" + n));
    return String.join(", ", parts);
  }

  /** How long a sweep waits for a job to end at most (for the command line). */
  public static final Duration TRIAL_TIMEOUT = Duration.ofHours(24);
}
