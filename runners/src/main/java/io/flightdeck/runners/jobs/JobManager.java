package io.flightdeck.runners.jobs;

import io.flightdeck.core.agent.AgentEvent;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.jobs.JobUpdate;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.JobProgress;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.core.workspace.ArtifactStore;
import io.flightdeck.runners.agent.AgentConnector;
import io.flightdeck.runners.agent.AgentSession;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on one host's agent and stores their events exactly once: each contiguous range of a
 * job's events is stored with the job's acknowledged sequence number in one transaction, then
 * acknowledged to the agent, which may then drop it from its spool. Jobs are persisted, so {@link
 * #reattach} after a restart picks up every job still live, from the first event not stored.
 *
 * <p>Threading: public methods may be called from any thread except the UI thread (they block on
 * the store and the agent). Events are stored on one thread ({@code flightdeck-jobs-apply}); {@link
 * JobUpdate}s are delivered on it, so listeners must hand over to their own thread. Ownership: the
 * manager owns its agent session and threads; {@link #close} ends the session, jobs go on.
 */
public final class JobManager implements JobService {
  private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_DRAIN = 20_000;

  /** The first reconnect comes quickly (a cut session, sshd restarted); then 1, 2, 4, 8, 10 s. */
  private static final long FIRST_RETRY_MILLIS = 250;

  private final TrackingService tracking;
  private final TrackingRepository repo;
  private final AuditLog audit;
  private final AgentConnector connector;
  private final Clock clock;
  private final EventApplier applier;
  private final JobSubmitter submitter;
  private final BlockingQueue<AgentEvent> inbox = new LinkedBlockingQueue<>(200_000);
  private final Map<String, JobCtx> jobs = new ConcurrentHashMap<>();
  private final List<Consumer<JobUpdate>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService reconnects;
  private final Thread applyThread;
  private final Object sessionLock = new Object();
  private AgentSession session;
  private volatile boolean closed;
  private long backoffMillis = FIRST_RETRY_MILLIS;
  private java.time.Instant disconnectedSince;

  private static final class JobCtx {
    final String runId;
    volatile long acked;
    volatile long lostAfter = -1;

    JobCtx(String runId, long acked) {
      this.runId = runId;
      this.acked = acked;
    }
  }

  /**
   * @param tracking where runs live (its repository stores the events)
   * @param datasets dataset versions for training jobs
   * @param artifacts where artifacts are copied to
   * @param audit job submissions, cancels and ends are recorded here
   * @param connector the host's agent
   */
  public JobManager(
      TrackingService tracking,
      io.flightdeck.core.dataset.DatasetService datasets,
      ArtifactStore artifacts,
      AuditLog audit,
      AgentConnector connector,
      Clock clock) {
    this.tracking = tracking;
    this.repo = tracking.repository();
    this.audit = audit;
    this.connector = connector;
    this.clock = clock;
    this.applier = new EventApplier(artifacts);
    this.submitter = new JobSubmitter(tracking, datasets, connector, clock);
    this.reconnects =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "flightdeck-jobs-reconnect");
              t.setDaemon(true);
              return t;
            });
    this.applyThread = new Thread(this::applyLoop, "flightdeck-jobs-apply");
    applyThread.setDaemon(true);
    applyThread.start();
  }

  /** The host this manager runs jobs on. */
  public String host() {
    return connector.host();
  }

  /** Adds a listener for job updates (called on the apply thread). */
  public void addListener(Consumer<JobUpdate> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<JobUpdate> listener) {
    listeners.remove(listener);
  }

  /**
   * Checks and starts a built-in training job. Nothing is created when the request is wrong.
   *
   * @throws FlightdeckException naming what is wrong (column, param, version, agent)
   */
  public JobRecord submitTraining(TrainRequest request) {
    return start(submitter.training(request));
  }

  /**
   * Checks and starts a command job. Nothing is created when the command cannot be found here or
   * the working folder is missing.
   */
  public JobRecord submitCommand(CommandRequest request) {
    return start(submitter.command(request));
  }

  private JobRecord start(JobSubmitter.Prepared p) {
    // reach the agent first (connect, install or upgrade it): a host that cannot run the job
    // leaves no run behind
    session();
    Experiment exp = tracking.ensureExperiment(p.experiment());
    RunInfo run = tracking.startRun(exp.id(), p.runName(), connector.host(), p.source(), null);
    p.inputs().forEach(i -> repo.addInput(run.runId(), i));
    String jobId = UUID.randomUUID().toString().replace("-", "");
    JobRecord job =
        new JobRecord(
            jobId,
            run.runId(),
            connector.host(),
            p.kind(),
            Json.write(p.spec()),
            JobState.QUEUED,
            0,
            "starting on " + connector.host(),
            clock.instant(),
            clock.instant());
    repo.addJob(job);
    jobs.put(jobId, new JobCtx(run.runId(), 0));
    audit.append(
        AuditEvent.of(
            "job.submitted",
            "job",
            jobId,
            Map.of(
                "run",
                run.runId(),
                "host",
                connector.host(),
                "kind",
                p.kind(),
                "source",
                p.source())));
    try {
      session()
          .request(
              "start", Map.of("job", jobId, "run", run.runId(), "spec", p.spec()), REQUEST_TIMEOUT);
    } catch (RuntimeException e) {
      String why = e instanceof FlightdeckException fe ? fe.oneLine() : e.toString();
      repo.updateJob(jobId, JobState.FAILED, "could not start: " + why);
      tracking.endRun(run.runId(), RunStatus.FAILED);
      jobs.remove(jobId);
      throw e;
    }
    repo.updateJob(jobId, JobState.RUNNING, "started");
    JobRecord started = repo.job(jobId).orElseThrow();
    fire(new JobUpdate(jobId, run.runId(), JobState.RUNNING, "started", 0));
    return started;
  }

  /** Asks the agent to kill the job's whole process tree; the job then ends KILLED. */
  public void cancel(String jobId) {
    JobRecord job =
        repo.job(jobId)
            .orElseThrow(() -> new FlightdeckException("There is no job " + jobId + ".", ""));
    if (job.state().terminal()) {
      return;
    }
    audit.append(AuditEvent.of("job.cancelled", "job", jobId, Map.of("run", job.runId())));
    session().request("cancel", Map.of("job", jobId), REQUEST_TIMEOUT);
  }

  /**
   * Re-attaches to every live job of this host (after a restart): each resumes from the first event
   * not stored. Jobs the agent no longer knows end LOST and their runs FAILED.
   */
  public void reattach() {
    List<JobRecord> live =
        repo.liveJobs().stream().filter(j -> j.host().equals(connector.host())).toList();
    if (live.isEmpty()) {
      return;
    }
    AgentSession s = session();
    for (JobRecord j : live) {
      jobs.putIfAbsent(j.jobId(), new JobCtx(j.runId(), j.ackedSeq()));
      attach(s, j.jobId());
    }
  }

  private void attach(AgentSession s, String jobId) {
    JobCtx ctx = jobs.get(jobId);
    if (ctx == null) {
      return;
    }
    try {
      Map<String, Object> r =
          s.request("attach", Map.of("job", jobId, "from", ctx.acked + 1), REQUEST_TIMEOUT);
      if ("LOST".equals(r.get("state"))) {
        long last = r.get("lastSeq") instanceof Number n ? n.longValue() : 0;
        ctx.lostAfter = last;
        if (ctx.acked >= last) {
          markLost(jobId, ctx);
        }
      }
    } catch (FlightdeckException e) {
      if (s.isOpen()) {
        LOG.warn("Job {} cannot be re-attached: {}", jobId, e.oneLine());
        ctx.lostAfter = ctx.acked;
        markLost(jobId, ctx);
      }
    }
  }

  /**
   * Waits until a job is terminal (for the command line).
   *
   * @return the job as stored, terminal unless the timeout passed
   */
  public JobRecord awaitEnd(String jobId, Duration timeout) throws InterruptedException {
    return awaitEnd(repo, jobId, timeout);
  }

  /** Polls the stored job until it is terminal or the timeout passed (any host's job). */
  static JobRecord awaitEnd(TrackingRepository repo, String jobId, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JobRecord j = repo.job(jobId).orElseThrow();
      if (j.state().terminal() || System.nanoTime() > deadline) {
        return j;
      }
      Thread.sleep(100);
    }
  }

  /** The job's stored record. */
  public Optional<JobRecord> job(String jobId) {
    return repo.job(jobId);
  }

  /** Ends the agent session (jobs go on) and stops the threads. Idempotent. */
  @Override
  public void close() {
    closed = true;
    reconnects.shutdownNow();
    applyThread.interrupt();
    synchronized (sessionLock) {
      if (session != null) {
        session.close();
        session = null;
      }
    }
    connector.close();
  }

  private AgentSession session() {
    synchronized (sessionLock) {
      if (closed) {
        throw new FlightdeckException("Flightdeck is shutting down.", "");
      }
      if (session == null || !session.isOpen()) {
        session = connector.connect(new Listener());
        backoffMillis = FIRST_RETRY_MILLIS;
      }
      return session;
    }
  }

  private final class Listener implements AgentSession.Listener {
    @Override
    public void onEvent(AgentEvent event) {
      try {
        inbox.put(event);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void onLost(String job, long lastSeq) {
      JobCtx ctx = jobs.get(job);
      if (ctx != null) {
        ctx.lostAfter = lastSeq;
        dirtyLost(job);
      }
    }

    @Override
    public void onStatus(String job, String message, boolean waiting) {
      JobCtx ctx = jobs.get(job);
      if (ctx == null) {
        return;
      }
      LOG.info("Job {} on {}: {}", job, connector.host(), message);
      repo.updateJob(job, JobState.RUNNING, message);
      fire(new JobUpdate(job, ctx.runId, JobState.RUNNING, message, ctx.acked));
    }

    @Override
    public void onClosed(AgentSession s, Throwable cause) {
      if (closed) {
        return;
      }
      if (!jobs.isEmpty()) {
        String why = cause == null ? "the agent session ended" : cause.getMessage();
        LOG.info("Agent session on {} ended ({}); reconnecting", connector.host(), why);
        tellAll("reconnecting to " + connector.host() + ": " + why);
        scheduleReconnect();
      }
    }
  }

  private void scheduleReconnect() {
    long delay;
    synchronized (sessionLock) {
      delay = backoffMillis;
      backoffMillis = backoffMillis < 1_000 ? 1_000 : Math.min(10_000, backoffMillis * 2);
      if (disconnectedSince == null) {
        disconnectedSince = clock.instant();
      }
    }
    try {
      reconnects.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("reconnect not scheduled: shutting down");
    }
  }

  /** One reconnect attempt: re-attach every job, or say why not and try again later. */
  private void reconnect() {
    java.time.Instant since;
    try {
      AgentSession s = session();
      jobs.keySet().forEach(id -> attach(s, id));
      synchronized (sessionLock) {
        since = disconnectedSince;
        disconnectedSince = null;
      }
      tellAll(
          "running: re-attached to "
              + connector.host()
              + (since == null
                  ? ""
                  : " after "
                      + Duration.between(since, clock.instant()).toMillis() / 100 / 10.0
                      + " s"));
    } catch (RuntimeException e) {
      String why = e instanceof FlightdeckException fe ? fe.getMessage() : e.toString();
      LOG.info("Reconnect to {} failed: {}", connector.host(), why);
      if (closed) {
        return;
      }
      long next;
      synchronized (sessionLock) {
        next = backoffMillis;
        since = disconnectedSince;
      }
      tellAll(
          "waiting: "
              + connector.host()
              + " unreachable since "
              + since
              + " ("
              + why
              + "); next try in "
              + Math.max(1, next / 1000)
              + " s");
      scheduleReconnect();
    }
  }

  /** Stores and announces one message for every job this manager follows. */
  private void tellAll(String message) {
    for (Map.Entry<String, JobCtx> e : jobs.entrySet()) {
      repo.updateJob(e.getKey(), JobState.RUNNING, message);
      fire(
          new JobUpdate(
              e.getKey(), e.getValue().runId, JobState.RUNNING, message, e.getValue().acked));
    }
  }

  /** Marks a lost job once everything before the loss is stored (on the apply thread's terms). */
  private void dirtyLost(String jobId) {
    JobCtx ctx = jobs.get(jobId);
    if (ctx != null && ctx.acked >= ctx.lostAfter) {
      markLost(jobId, ctx);
    }
  }

  private void reattachLater(String jobId) {
    try {
      reconnects.execute(
          () -> {
            try {
              attach(session(), jobId);
            } catch (RuntimeException e) {
              LOG.info("Re-attach of job {} failed: {}", jobId, e.getMessage());
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("re-attach not scheduled: shutting down");
    }
  }

  private void applyLoop() {
    List<AgentEvent> drained = new ArrayList<>();
    while (!closed) {
      try {
        AgentEvent first = inbox.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        drained.add(first);
        inbox.drainTo(drained, MAX_DRAIN);
        Map<String, List<AgentEvent>> byJob = new LinkedHashMap<>();
        for (AgentEvent e : drained) {
          byJob.computeIfAbsent(e.job(), k -> new ArrayList<>()).add(e);
        }
        drained.clear();
        byJob.forEach(this::applyJob);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("Storing job events failed; they will be replayed on the next attach", e);
        drained.clear();
      }
    }
  }

  private void applyJob(String jobId, List<AgentEvent> events) {
    JobCtx ctx = jobs.get(jobId);
    if (ctx == null) {
      Optional<JobRecord> stored = repo.job(jobId);
      if (stored.isEmpty() || stored.get().state().terminal()) {
        LOG.warn("Events for unknown or ended job {} ignored", jobId);
        return;
      }
      ctx = new JobCtx(stored.get().runId(), stored.get().ackedSeq());
      jobs.put(jobId, ctx);
    }
    List<AgentEvent> fresh = new ArrayList<>();
    long expected = ctx.acked + 1;
    for (AgentEvent e : events) {
      if (e.seq() < expected) {
        continue;
      }
      if (e.seq() > expected) {
        LOG.warn("Job {} skipped from seq {} to {}; re-attaching", jobId, expected, e.seq());
        reattachLater(jobId);
        break;
      }
      fresh.add(e);
      expected++;
    }
    if (fresh.isEmpty()) {
      return;
    }
    JobProgress p = applier.progress(jobId, ctx.runId, fresh, connector);
    try {
      repo.applyProgress(p);
    } catch (FlightdeckException e) {
      applyOneByOne(jobId, ctx, fresh, e);
    }
    ctx.acked = p.upToSeq();
    ackQuietly(jobId, ctx.acked);
    afterApply(jobId, ctx, p);
  }

  private void applyOneByOne(
      String jobId, JobCtx ctx, List<AgentEvent> events, FlightdeckException first) {
    LOG.info("Job {}: a range was refused ({}); storing event by event", jobId, first.oneLine());
    for (AgentEvent e : events) {
      JobProgress p = applier.progress(jobId, ctx.runId, List.of(e), connector);
      try {
        repo.applyProgress(p);
      } catch (FlightdeckException ex) {
        repo.applyProgress(
            new JobProgress(
                jobId,
                e.seq(),
                List.of(),
                List.of(
                    new io.flightdeck.core.tracking.RunLogLine(
                        e.seq(), e.ts(), "agent", "rejected: " + ex.oneLine())),
                List.of(),
                null,
                null,
                null,
                null));
      }
    }
  }

  private void afterApply(String jobId, JobCtx ctx, JobProgress p) {
    JobRecord j = repo.job(jobId).orElseThrow();
    if (p.runStatus() != null && p.runStatus().terminal()) {
      audit.append(
          AuditEvent.of(
              "run.ended",
              "run",
              ctx.runId,
              Map.of(
                  "status",
                  p.runStatus().name(),
                  "job",
                  jobId,
                  "message",
                  String.valueOf(p.message()))));
      jobs.remove(jobId);
    } else if (ctx.lostAfter >= 0 && ctx.acked >= ctx.lostAfter) {
      markLost(jobId, ctx);
      return;
    }
    fire(new JobUpdate(jobId, ctx.runId, j.state(), j.message(), ctx.acked));
  }

  private void markLost(String jobId, JobCtx ctx) {
    if (!jobs.remove(jobId, ctx)) {
      return; // already ended or marked by another thread
    }
    String msg = "lost: the job's process on " + connector.host() + " ended without a final event";
    repo.updateJob(jobId, JobState.LOST, msg);
    repo.run(ctx.runId)
        .filter(r -> r.status() == RunStatus.RUNNING)
        .ifPresent(r -> tracking.endRun(ctx.runId, RunStatus.FAILED));
    fire(new JobUpdate(jobId, ctx.runId, JobState.LOST, msg, ctx.acked));
  }

  private void ackQuietly(String jobId, long seq) {
    synchronized (sessionLock) {
      if (session != null && session.isOpen()) {
        try {
          session.ack(jobId, seq);
        } catch (RuntimeException e) {
          LOG.debug("ack {}:{} not sent: {}", jobId, seq, e.toString());
        }
      }
    }
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
}
