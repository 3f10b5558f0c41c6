package io.flightdeck.core.tracking;

import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.error.FlightdeckException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Experiment tracking: experiments, runs and what they log. The one entry point for the window, the
 * command line and the runners; reads go through {@link #repository()}.
 *
 * <p>Threading: thread-safe; every method blocks on database I/O and must be called off the UI
 * thread. Metrics logged from training loops should go through {@link #ingestor()}, which batches
 * them on its own thread.
 *
 * <p>Errors: {@link FlightdeckException} naming the experiment, run or key. Creating experiments,
 * starting and ending runs and changing notes are written to the audit trail ({@code
 * experiment.create}, {@code run.start}, {@code run.end}, {@code run.note}); logged data is not.
 *
 * <p>Ownership: the service owns its ingestor (started on first use); the workspace that created
 * the service closes it with {@link #close}.
 */
public final class TrackingService implements AutoCloseable {
  /** The experiment that runs go to when the user names none. */
  public static final String DEFAULT_EXPERIMENT = "Default";

  private static final Logger LOG = LoggerFactory.getLogger(TrackingService.class);

  private final TrackingRepository repo;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> user;
  private final List<MetricIngestor.Listener> listeners = new CopyOnWriteArrayList<>();
  private MetricIngestor ingestor;
  private boolean closed;

  /**
   * @param repo where tracking data lives
   * @param audit the audit trail
   * @param clock the time source for start and end times
   * @param user who is acting
   */
  public TrackingService(
      TrackingRepository repo, AuditLog audit, Clock clock, Supplier<String> user) {
    this.repo = repo;
    this.audit = audit;
    this.clock = clock;
    this.user = user;
  }

  /** Creates an experiment; refuses a name already taken. Audited. */
  public Experiment createExperiment(String name) {
    TrackingNames.experimentName(name);
    Experiment e = repo.createExperiment(name, clock.instant());
    audit.append(
        AuditEvent.of(
            "experiment.create", "experiment", String.valueOf(e.id()), Map.of("name", name)));
    return e;
  }

  /** The experiment with this name, created (and audited) when missing. */
  public Experiment ensureExperiment(String name) {
    return repo.experimentByName(name)
        .orElseGet(
            () -> {
              try {
                return createExperiment(name);
              } catch (FlightdeckException raced) {
                // Another thread created it in between: use theirs.
                return repo.experimentByName(name).orElseThrow(() -> raced);
              }
            });
  }

  /** The {@value #DEFAULT_EXPERIMENT} experiment, created when missing. */
  public Experiment defaultExperiment() {
    return ensureExperiment(DEFAULT_EXPERIMENT);
  }

  /** All experiments by name. */
  public List<Experiment> experiments() {
    return repo.experiments();
  }

  /**
   * Starts a RUNNING run now, by the current user. Audited.
   *
   * @param name display name; null or empty for none
   * @param host where it runs ("local" for this machine)
   * @param source what runs
   * @param parentRunId the parent run (sweeps), or null
   */
  public RunInfo startRun(
      long experimentId, String name, String host, String source, String parentRunId) {
    RunInfo run =
        repo.createRun(
            new NewRun(
                null,
                experimentId,
                name == null ? "" : name,
                clock.instant(),
                user.get(),
                host,
                source,
                "",
                parentRunId));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("experiment", experimentId);
    d.put("name", run.name());
    d.put("host", host);
    d.put("source", source);
    if (parentRunId != null) {
      d.put("parent", parentRunId);
    }
    audit.append(AuditEvent.of("run.start", "run", run.runId(), d));
    return run;
  }

  /**
   * Ends a run now with a terminal status, after storing what the ingestor holds. Audited.
   *
   * @throws FlightdeckException when the run is unknown or has already ended
   * @throws IllegalArgumentException when {@code status} is RUNNING
   */
  public void endRun(String runId, RunStatus status) {
    if (!status.terminal()) {
      throw new IllegalArgumentException("endRun needs a terminal status, not " + status);
    }
    TrackingNames.runId(runId);
    flushIngestor();
    repo.setStatus(runId, status, clock.instant());
    audit.append(AuditEvent.of("run.end", "run", runId, Map.of("status", status.name())));
  }

  /** Checks a batch against the names and limits and stores it, all or nothing. */
  public void logBatch(RunBatch batch) {
    repo.logBatch(TrackingNames.batch(batch));
  }

  /** Replaces a run's note (Markdown). Audited with its length, not its text. */
  public void setNote(String runId, String note) {
    TrackingNames.runId(runId);
    repo.setNote(runId, note);
    audit.append(
        AuditEvent.of(
            "run.note", "run", runId, Map.of("length", note == null ? 0 : note.length())));
  }

  /**
   * The shared batched ingestion path, started on first use. Failures are logged and passed to the
   * listeners added with {@link #addIngestListener}.
   *
   * @throws IllegalStateException after {@link #close}
   */
  public synchronized MetricIngestor ingestor() {
    if (closed) {
      throw new IllegalStateException("The tracking service is closed");
    }
    if (ingestor == null) {
      ingestor = new MetricIngestor(repo, this::ingestFailed);
    }
    return ingestor;
  }

  /** Adds a listener for batches the ingestor could not store (called on its thread). */
  public void addIngestListener(MetricIngestor.Listener listener) {
    listeners.add(listener);
  }

  private void ingestFailed(RunBatch batch, RuntimeException e) {
    LOG.error(
        "Could not store {} metrics, {} params and {} tags of run {}",
        batch.metrics().size(),
        batch.params().size(),
        batch.tags().size(),
        batch.runId(),
        e);
    listeners.forEach(l -> l.failed(batch, e));
  }

  /** Reads: experiments, runs, metric histories, logs and jobs. */
  public TrackingRepository repository() {
    return repo;
  }

  private void flushIngestor() {
    MetricIngestor current;
    synchronized (this) {
      current = ingestor;
    }
    if (current != null) {
      try {
        current.flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FlightdeckException(
            "Interrupted while storing the last metrics.", "Try again.", e);
      }
    }
  }

  /** Stores what the ingestor holds and stops it. Idempotent. */
  @Override
  public void close() {
    MetricIngestor current;
    synchronized (this) {
      closed = true;
      current = ingestor;
      ingestor = null;
    }
    if (current != null) {
      current.close();
    }
  }
}
