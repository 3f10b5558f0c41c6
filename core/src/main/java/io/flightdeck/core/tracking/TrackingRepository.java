package io.flightdeck.core.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where experiments, runs, their data and jobs live (the workspace database).
 *
 * <p>Threading: implementations are thread-safe; every method blocks on storage I/O and must not be
 * called on the UI thread. Errors: {@link io.flightdeck.core.error.FlightdeckException} naming the
 * experiment, run or key (unknown run, param changed, run not RUNNING, storage failure). Callers
 * validate names and limits with {@link TrackingNames} first; implementations check again.
 */
public interface TrackingRepository {
  /** Creates an experiment; refuses a name already taken. */
  Experiment createExperiment(String name, Instant when);

  Optional<Experiment> experiment(long id);

  Optional<Experiment> experimentByName(String name);

  /** All experiments by name. */
  List<Experiment> experiments();

  /** Creates a RUNNING run in an existing experiment. */
  RunInfo createRun(NewRun run);

  Optional<RunInfo> run(String runId);

  /** Sets a run's status; a terminal status needs {@code end}. Ending an ended run is refused. */
  void setStatus(String runId, RunStatus status, Instant end);

  /**
   * Stores a batch atomically: every metric, param and tag or none. A param already logged with
   * another value refuses the whole batch, naming the key and both values.
   */
  void logBatch(RunBatch batch);

  /**
   * Stores many batches (of any runs) in one transaction; the fast path for ingestion. Same rules
   * as {@link #logBatch}, all or nothing.
   */
  void logBatches(List<RunBatch> batches);

  /** The rows of an experiment's runs, newest start first; {@code experimentId} null = all. */
  List<RunRow> runRows(Long experimentId);

  /** One run's row. */
  Optional<RunRow> runRow(String runId);

  /** Every point of one metric of a run, by (step, timestamp). */
  List<Metric> metricHistory(String runId, String key);

  /**
   * The points of one metric logged after the first {@code skip} ones, in the order they were
   * stored: what a live chart adds since its last read. The default reads the whole history.
   */
  default List<Metric> metricTail(String runId, String key, long skip) {
    List<Metric> all = metricHistory(runId, key);
    return all.subList((int) Math.min(Math.max(0, skip), all.size()), all.size());
  }

  /** The metric keys a run has, sorted. */
  List<String> metricKeys(String runId);

  /** Sets a run's free-text note (Markdown), replacing the old one. */
  void setNote(String runId, String note);

  /** A run's note, empty when none. */
  String note(String runId);

  /** Records a stored artifact; the same path again is refused. */
  void addArtifact(String runId, RunArtifact artifact);

  List<RunArtifact> artifacts(String runId);

  /** Records a dataset version the run used. */
  void addInput(String runId, RunInput input);

  List<RunInput> inputs(String runId);

  /** Appends log lines (their seq numbers must be new for the run). */
  void appendLog(String runId, List<RunLogLine> lines);

  /** Log lines with seq greater than {@code afterSeq}, oldest first, at most {@code limit}. */
  List<RunLogLine> log(String runId, long afterSeq, int limit);

  /** Persists a new job (state QUEUED or RUNNING, ackedSeq 0). */
  void addJob(JobRecord job);

  Optional<JobRecord> job(String jobId);

  /** Jobs that are not terminal, oldest first: what to re-attach after a restart. */
  List<JobRecord> liveJobs();

  /** The newest jobs first, at most {@code limit}. */
  List<JobRecord> jobs(int limit);

  /** Changes a job's state and message (e.g. QUEUED with why it waits). */
  void updateJob(String jobId, JobState state, String message);

  /**
   * Applies a range of a job's events in one transaction with the new acknowledged sequence number;
   * returns false (and stores nothing) when {@code progress.upToSeq()} is not above the stored one.
   */
  boolean applyProgress(JobProgress progress);
}
