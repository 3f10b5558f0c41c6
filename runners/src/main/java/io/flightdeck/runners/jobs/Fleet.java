package io.flightdeck.runners.jobs;

import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.jobs.JobUpdate;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.core.workspace.ArtifactStore;
import io.flightdeck.runners.agent.AgentConnector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs on every host: one {@link JobManager} per host, created on first use, each with its own
 * agent session. Requests go to the host they name; cancels to the host the job runs on. After a
 * restart {@link #reattach} re-attaches every host with live jobs; a host that cannot be reached is
 * retried with backoff, and its jobs say so ("waiting: host unreachable since T").
 *
 * <p>Threading as {@link JobManager}: blocking methods off the UI thread; listeners are called on
 * the managers' apply threads. Ownership: the fleet owns its managers and closes them.
 */
public final class Fleet implements JobService {
  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

  private final TrackingService tracking;
  private final DatasetService datasets;
  private final ArtifactStore artifacts;
  private final AuditLog audit;
  private final Function<String, AgentConnector> connectors;
  private final Clock clock;
  private final Map<String, JobManager> managers = new ConcurrentHashMap<>();
  private final List<Consumer<JobUpdate>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "flightdeck-fleet-retry");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  /**
   * @param connectors the agent connector for a host name ("local" or one of the inventory); may
   *     throw {@link FlightdeckException} for an unknown host
   */
  public Fleet(
      TrackingService tracking,
      DatasetService datasets,
      ArtifactStore artifacts,
      AuditLog audit,
      Function<String, AgentConnector> connectors,
      Clock clock) {
    this.tracking = tracking;
    this.datasets = datasets;
    this.artifacts = artifacts;
    this.audit = audit;
    this.connectors = connectors;
    this.clock = clock;
  }

  @Override
  public String host() {
    return "local";
  }

  /** The manager of one host (created on first use). */
  public JobManager manager(String host) {
    if (closed) {
      throw new FlightdeckException("Flightdeck is shutting down.", "");
    }
    return managers.computeIfAbsent(
        host,
        h -> {
          JobManager m =
              new JobManager(tracking, datasets, artifacts, audit, connectors.apply(h), clock);
          m.addListener(this::fire);
          return m;
        });
  }

  /**
   * Checks a training request against its dataset version (columns, model, hyperparameters) without
   * touching any host or creating anything.
   *
   * @throws FlightdeckException naming what is wrong
   */
  public void check(TrainRequest request) {
    new TrainingPlanner(datasets).plan(request);
  }

  @Override
  public JobRecord submitTraining(TrainRequest request) {
    return manager(request.host()).submitTraining(request);
  }

  @Override
  public JobRecord submitCommand(CommandRequest request) {
    return manager(request.host()).submitCommand(request);
  }

  @Override
  public void cancel(String jobId) {
    JobRecord j =
        tracking
            .repository()
            .job(jobId)
            .orElseThrow(() -> new FlightdeckException("There is no job " + jobId + ".", ""));
    manager(j.host()).cancel(jobId);
  }

  /** How many jobs are not ended on each host. */
  public Map<String, Long> liveJobsByHost() {
    return tracking.repository().liveJobs().stream()
        .collect(Collectors.groupingBy(JobRecord::host, Collectors.counting()));
  }

  @Override
  public void reattach() {
    Set<String> hosts =
        tracking.repository().liveJobs().stream().map(JobRecord::host).collect(Collectors.toSet());
    for (String h : hosts) {
      reattach(h, 1);
    }
  }

  private void reattach(String host, int backoff) {
    if (closed) {
      return;
    }
    try {
      manager(host).reattach();
      if (unreachableSince.remove(host) != null) {
        LOG.info("Re-attached to {}", host);
      }
    } catch (RuntimeException e) {
      String why = e instanceof FlightdeckException fe ? fe.getMessage() : e.toString();
      Instant since = unreachableSince.computeIfAbsent(host, k -> clock.instant());
      String msg =
          "waiting: "
              + host
              + " unreachable since "
              + since
              + " ("
              + why
              + "); next try in "
              + backoff
              + " s";
      LOG.info("Re-attach to {} failed: {}", host, why);
      for (JobRecord j : tracking.repository().liveJobs()) {
        if (j.host().equals(host)) {
          tracking.repository().updateJob(j.jobId(), j.state(), msg);
          fire(new JobUpdate(j.jobId(), j.runId(), j.state(), msg, j.ackedSeq()));
        }
      }
      try {
        retries.schedule(
            () -> reattach(host, Math.min(30, backoff * 2)), backoff, TimeUnit.SECONDS);
      } catch (java.util.concurrent.RejectedExecutionException ex) {
        LOG.debug("retry not scheduled: shutting down");
      }
    }
  }

  @Override
  public JobRecord awaitEnd(String jobId, Duration timeout) throws InterruptedException {
    return JobManager.awaitEnd(tracking.repository(), jobId, timeout);
  }

  @Override
  public Optional<JobRecord> job(String jobId) {
    return tracking.repository().job(jobId);
  }

  @Override
  public void addListener(Consumer<JobUpdate> listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(Consumer<JobUpdate> listener) {
    listeners.remove(listener);
  }

  private void fire(JobUpdate u) {
    for (Consumer<JobUpdate> l : listeners) {
      try {
        l.accept(u);
      } catch (RuntimeException e) {
        LOG.error("A job listener failed", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
    managers.values().forEach(JobManager::close);
    managers.clear();
  }
}
