package io.flightdeck.store.tracking;

import static io.flightdeck.store.jooq.Tables.EXPERIMENT;
import static io.flightdeck.store.jooq.Tables.JOB;
import static io.flightdeck.store.jooq.Tables.RUN;
import static io.flightdeck.store.jooq.Tables.RUN_ARTIFACT;
import static io.flightdeck.store.jooq.Tables.RUN_INPUT;
import static io.flightdeck.store.jooq.Tables.RUN_LOG;
import static io.flightdeck.store.jooq.Tables.RUN_METRIC;
import static io.flightdeck.store.jooq.Tables.RUN_METRIC_SUMMARY;
import static io.flightdeck.store.jooq.Tables.RUN_NOTE;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.JobProgress;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.NewRun;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingNames;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.store.jooq.tables.records.RunRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Experiments, runs, their data and jobs in the workspace's H2 database (tables of migration V3).
 *
 * <p>Threading: thread-safe. Writes that touch metric series (logging batches, applying job
 * progress) are serialised by one lock, because they number points and update summary rows;
 * everything else relies on H2's row locks. Every write is one transaction. Errors are {@link
 * FlightdeckException}s; no jOOQ type leaves this class.
 */
public final class JooqTrackingRepository implements TrackingRepository {
  private final DSLContext db;
  private final Clock clock;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BatchWriter writer = new BatchWriter();
  private final RunRows rows;

  /**
   * @param db the workspace database, migrated to V3 or later
   * @param clock the time source for job updates
   */
  public JooqTrackingRepository(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.rows = new RunRows(db);
  }

  @Override
  public Experiment createExperiment(String name, Instant when) {
    TrackingNames.experimentName(name);
    return guard(
        "create the experiment '" + name + "'",
        () -> {
          try {
            return db.transactionResult(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  if (tx.fetchExists(EXPERIMENT, EXPERIMENT.NAME.eq(name))) {
                    throw duplicateExperiment(name);
                  }
                  long id =
                      tx.insertInto(EXPERIMENT)
                          .set(EXPERIMENT.NAME, name)
                          .set(EXPERIMENT.CREATED_MS, when.toEpochMilli())
                          .returning(EXPERIMENT.ID)
                          .fetchOne(EXPERIMENT.ID);
                  return new Experiment(id, name, Instant.ofEpochMilli(when.toEpochMilli()));
                });
          } catch (IntegrityConstraintViolationException e) {
            throw duplicateExperiment(name);
          }
        });
  }

  private static FlightdeckException duplicateExperiment(String name) {
    return new FlightdeckException(
        "An experiment named '" + name + "' already exists.", "Choose another name.");
  }

  @Override
  public Optional<Experiment> experiment(long id) {
    return guard("read experiment " + id, () -> oneExperiment(EXPERIMENT.ID.eq(id)));
  }

  @Override
  public Optional<Experiment> experimentByName(String name) {
    return guard("read experiment '" + name + "'", () -> oneExperiment(EXPERIMENT.NAME.eq(name)));
  }

  private Optional<Experiment> oneExperiment(org.jooq.Condition where) {
    return db.selectFrom(EXPERIMENT).where(where).fetchOptional().map(RunRows::experiment);
  }

  @Override
  public List<Experiment> experiments() {
    return guard(
        "list experiments",
        () -> db.selectFrom(EXPERIMENT).orderBy(EXPERIMENT.NAME).fetch(RunRows::experiment));
  }

  @Override
  public RunInfo createRun(NewRun r) {
    String runId = r.runId() == null ? UUID.randomUUID().toString().replace("-", "") : r.runId();
    TrackingNames.runId(runId);
    if (r.parentRunId() != null) {
      TrackingNames.runId(r.parentRunId());
    }
    return guard(
        "create run " + runId,
        () -> {
          db.transaction(
              cfg -> {
                DSLContext tx = DSL.using(cfg);
                if (!tx.fetchExists(EXPERIMENT, EXPERIMENT.ID.eq(r.experimentId()))) {
                  throw new FlightdeckException(
                      "There is no experiment " + r.experimentId() + " to start a run in.",
                      "Choose an experiment that 'experiments list' shows.");
                }
                if (tx.fetchExists(RUN, RUN.RUN_ID.eq(runId))) {
                  throw new FlightdeckException(
                      "A run with id " + runId + " already exists.", "Use a new run id.");
                }
                tx.insertInto(RUN)
                    .set(RUN.RUN_ID, runId)
                    .set(RUN.EXPERIMENT_ID, r.experimentId())
                    .set(RUN.NAME, nonNull(r.name()))
                    .set(RUN.STATUS, RunStatus.RUNNING.name())
                    .set(RUN.START_MS, r.start().toEpochMilli())
                    .set(RUN.USER_NAME, nonNull(r.user()))
                    .set(RUN.HOST, nonNull(r.host()))
                    .set(RUN.SOURCE, nonNull(r.source()))
                    .set(RUN.CODE_VERSION, nonNull(r.codeVersion()))
                    .set(RUN.PARENT_RUN_ID, r.parentRunId())
                    .execute();
              });
          return run(runId).orElseThrow();
        });
  }

  @Override
  public Optional<RunInfo> run(String runId) {
    return guard(
        "read run " + runId,
        () -> db.selectFrom(RUN).where(RUN.RUN_ID.eq(runId)).fetchOptional().map(RunRows::info));
  }

  @Override
  public void setStatus(String runId, RunStatus status, Instant end) {
    guardRun(
        "set the status of run " + runId,
        () -> db.transaction(cfg -> setStatus(DSL.using(cfg), runId, status, end, false)));
  }

  /**
   * @param lenient true to ignore (instead of refusing) a second end, as agents may report one
   */
  private static void setStatus(
      DSLContext tx, String runId, RunStatus status, Instant end, boolean lenient) {
    RunRecord run = tx.selectFrom(RUN).where(RUN.RUN_ID.eq(runId)).forUpdate().fetchOne();
    if (run == null) {
      throw noRun(runId);
    }
    RunStatus now = RunStatus.valueOf(run.getStatus());
    if (now.terminal()) {
      if (lenient) {
        return;
      }
      throw new FlightdeckException(
          "Run " + runId + " has already ended (" + now + ").", "Start a new run.");
    }
    if (status.terminal() && end == null) {
      throw new IllegalArgumentException("Ending run " + runId + " needs an end time");
    }
    run.setStatus(status.name());
    run.setEndMs(status.terminal() ? end.toEpochMilli() : null);
    run.update();
  }

  @Override
  public void logBatch(RunBatch batch) {
    logBatches(List.of(batch));
  }

  @Override
  public void logBatches(List<RunBatch> batches) {
    if (batches.isEmpty()) {
      return;
    }
    batches.forEach(TrackingNames::batch);
    writeLock.lock();
    try {
      guard(
              "store metrics of run " + batches.get(0).runId(),
              () -> db.transactionResult(cfg -> writer.write(DSL.using(cfg), batches)))
          .publish();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public List<RunRow> runRows(Long experimentId) {
    return guard(
        "list runs",
        () ->
            rows.rows(
                experimentId == null ? DSL.noCondition() : RUN.EXPERIMENT_ID.eq(experimentId)));
  }

  @Override
  public Optional<RunRow> runRow(String runId) {
    return guard("read run " + runId, () -> rows.rows(RUN.RUN_ID.eq(runId)).stream().findFirst());
  }

  @Override
  public List<Metric> metricHistory(String runId, String key) {
    return guard(
        "read metric '" + key + "' of run " + runId,
        () -> {
          Long series = seriesId(runId, key);
          if (series == null) {
            return List.of();
          }
          long first = series << BatchWriter.SERIES_SHIFT;
          return db.selectFrom(RUN_METRIC)
              .where(RUN_METRIC.POINT_ID.between(first, first + 0xFFFF_FFFFL))
              .orderBy(RUN_METRIC.STEP, RUN_METRIC.TS_MS, RUN_METRIC.POINT_ID)
              .fetch(p -> new Metric(key, p.getMetricValue(), p.getTsMs(), p.getStep()));
        });
  }

  /** The id of a run's series for a key (point ids are {@code series << 32 | n}), or null. */
  private Long seriesId(String runId, String key) {
    return db.select(RUN_METRIC_SUMMARY.SERIES_ID)
        .from(RUN_METRIC_SUMMARY)
        .where(RUN_METRIC_SUMMARY.RUN_ID.eq(runId), RUN_METRIC_SUMMARY.METRIC_KEY.eq(key))
        .fetchOne(RUN_METRIC_SUMMARY.SERIES_ID);
  }

  @Override
  public List<Metric> metricTail(String runId, String key, long skip) {
    return guard(
        "read metric '" + key + "' of run " + runId,
        () -> {
          Long series = seriesId(runId, key);
          if (series == null) {
            return List.of();
          }
          // point ids are series << 32 | n, n = 1, 2, 3... in the order stored
          long first = series << BatchWriter.SERIES_SHIFT;
          return db.selectFrom(RUN_METRIC)
              .where(
                  RUN_METRIC.POINT_ID.between(first + Math.max(0, skip) + 1, first + 0xFFFF_FFFFL))
              .orderBy(RUN_METRIC.POINT_ID)
              .fetch(p -> new Metric(key, p.getMetricValue(), p.getTsMs(), p.getStep()));
        });
  }

  @Override
  public List<String> metricKeys(String runId) {
    return guard(
        "read the metrics of run " + runId,
        () ->
            db.select(RUN_METRIC_SUMMARY.METRIC_KEY)
                .from(RUN_METRIC_SUMMARY)
                .where(RUN_METRIC_SUMMARY.RUN_ID.eq(runId))
                .orderBy(RUN_METRIC_SUMMARY.METRIC_KEY)
                .fetch(RUN_METRIC_SUMMARY.METRIC_KEY));
  }

  @Override
  public void setNote(String runId, String note) {
    guardRun(
        "save the note of run " + runId,
        () ->
            db.transaction(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  requireRun(tx, runId);
                  tx.mergeInto(RUN_NOTE)
                      .using(DSL.selectOne())
                      .on(RUN_NOTE.RUN_ID.eq(runId))
                      .whenMatchedThenUpdate()
                      .set(RUN_NOTE.NOTE, nonNull(note))
                      .set(RUN_NOTE.UPDATED_MS, clock.millis())
                      .whenNotMatchedThenInsert(RUN_NOTE.RUN_ID, RUN_NOTE.NOTE, RUN_NOTE.UPDATED_MS)
                      .values(runId, nonNull(note), clock.millis())
                      .execute();
                }));
  }

  @Override
  public String note(String runId) {
    return guard(
        "read the note of run " + runId,
        () ->
            db.select(RUN_NOTE.NOTE)
                .from(RUN_NOTE)
                .where(RUN_NOTE.RUN_ID.eq(runId))
                .fetchOptional(RUN_NOTE.NOTE)
                .orElse(""));
  }

  @Override
  public void addArtifact(String runId, RunArtifact artifact) {
    TrackingNames.artifactPath(artifact.path());
    guardRun(
        "record artifact '" + artifact.path() + "' of run " + runId,
        () ->
            db.transaction(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  requireRun(tx, runId);
                  insertArtifact(tx, runId, artifact);
                }));
  }

  private static void insertArtifact(DSLContext tx, String runId, RunArtifact a) {
    TrackingNames.artifactPath(a.path());
    if (tx.fetchExists(
        RUN_ARTIFACT, RUN_ARTIFACT.RUN_ID.eq(runId), RUN_ARTIFACT.PATH.eq(a.path()))) {
      throw new FlightdeckException(
          "Run " + runId + " already has an artifact '" + a.path() + "'.",
          "Artifacts cannot be replaced: save it under another path.");
    }
    tx.insertInto(RUN_ARTIFACT)
        .set(RUN_ARTIFACT.RUN_ID, runId)
        .set(RUN_ARTIFACT.PATH, a.path())
        .set(RUN_ARTIFACT.SHA256, a.sha256())
        .set(RUN_ARTIFACT.SIZE_BYTES, a.size())
        .execute();
  }

  @Override
  public List<RunArtifact> artifacts(String runId) {
    return guard(
        "list the artifacts of run " + runId,
        () ->
            db.selectFrom(RUN_ARTIFACT)
                .where(RUN_ARTIFACT.RUN_ID.eq(runId))
                .orderBy(RUN_ARTIFACT.PATH)
                .fetch(a -> new RunArtifact(a.getPath(), a.getSha256(), a.getSizeBytes())));
  }

  @Override
  public void addInput(String runId, RunInput input) {
    guardRun(
        "record input " + input.dataset() + " v" + input.version() + " of run " + runId,
        () ->
            db.transaction(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  requireRun(tx, runId);
                  tx.mergeInto(RUN_INPUT)
                      .using(DSL.selectOne())
                      .on(
                          RUN_INPUT.RUN_ID.eq(runId),
                          RUN_INPUT.DATASET.eq(input.dataset()),
                          RUN_INPUT.DATASET_VERSION.eq(input.version()),
                          RUN_INPUT.ROLE.eq(input.role()))
                      .whenNotMatchedThenInsert(
                          RUN_INPUT.RUN_ID,
                          RUN_INPUT.DATASET,
                          RUN_INPUT.DATASET_VERSION,
                          RUN_INPUT.SHA256,
                          RUN_INPUT.ROLE)
                      .values(runId, input.dataset(), input.version(), input.sha256(), input.role())
                      .execute();
                }));
  }

  @Override
  public List<RunInput> inputs(String runId) {
    return guard(
        "list the inputs of run " + runId,
        () ->
            db.selectFrom(RUN_INPUT)
                .where(RUN_INPUT.RUN_ID.eq(runId))
                .orderBy(RUN_INPUT.DATASET, RUN_INPUT.DATASET_VERSION, RUN_INPUT.ROLE)
                .fetch(
                    i ->
                        new RunInput(
                            i.getDataset(), i.getDatasetVersion(), i.getSha256(), i.getRole())));
  }

  @Override
  public void appendLog(String runId, List<RunLogLine> lines) {
    guardRun(
        "append to the log of run " + runId,
        () ->
            db.transaction(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  requireRun(tx, runId);
                  insertLog(tx, runId, lines);
                }));
  }

  private static void insertLog(DSLContext tx, String runId, List<RunLogLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    long first = lines.stream().mapToLong(RunLogLine::seq).min().orElseThrow();
    long last = lines.stream().mapToLong(RunLogLine::seq).max().orElseThrow();
    if (tx.fetchExists(RUN_LOG, RUN_LOG.RUN_ID.eq(runId), RUN_LOG.SEQ.between(first, last))) {
      throw new FlightdeckException(
          "Some of log lines "
              + first
              + " to "
              + last
              + " of run "
              + runId
              + " are already stored.",
          "Append only lines with new numbers.");
    }
    var insert =
        tx.batch(
            tx.insertInto(
                    RUN_LOG,
                    RUN_LOG.RUN_ID,
                    RUN_LOG.SEQ,
                    RUN_LOG.TS_MS,
                    RUN_LOG.STREAM,
                    RUN_LOG.LINE_TEXT)
                .values((String) null, null, null, null, null));
    for (RunLogLine l : lines) {
      insert.bind(runId, l.seq(), l.timestampMs(), l.stream(), l.text());
    }
    insert.execute();
  }

  @Override
  public List<RunLogLine> log(String runId, long afterSeq, int limit) {
    return guard(
        "read the log of run " + runId,
        () ->
            db.selectFrom(RUN_LOG)
                .where(RUN_LOG.RUN_ID.eq(runId), RUN_LOG.SEQ.gt(afterSeq))
                .orderBy(RUN_LOG.SEQ)
                .limit(limit)
                .fetch(
                    l -> new RunLogLine(l.getSeq(), l.getTsMs(), l.getStream(), l.getLineText())));
  }

  @Override
  public void addJob(JobRecord job) {
    TrackingNames.runId(job.runId());
    guardRun(
        "save job " + job.jobId(),
        () ->
            db.transaction(
                cfg -> {
                  DSLContext tx = DSL.using(cfg);
                  requireRun(tx, job.runId());
                  if (tx.fetchExists(JOB, JOB.JOB_ID.eq(job.jobId()))) {
                    throw new FlightdeckException(
                        "A job with id " + job.jobId() + " already exists.", "Use a new job id.");
                  }
                  tx.insertInto(JOB)
                      .set(JOB.JOB_ID, job.jobId())
                      .set(JOB.RUN_ID, job.runId())
                      .set(JOB.HOST, job.host())
                      .set(JOB.KIND, job.kind())
                      .set(JOB.SPEC_JSON, job.specJson())
                      .set(JOB.STATE, job.state().name())
                      .set(JOB.ACKED_SEQ, job.ackedSeq())
                      .set(JOB.MESSAGE, nonNull(job.message()))
                      .set(JOB.CREATED_MS, job.created().toEpochMilli())
                      .set(JOB.UPDATED_MS, job.updated().toEpochMilli())
                      .execute();
                }));
  }

  @Override
  public Optional<JobRecord> job(String jobId) {
    return guard(
        "read job " + jobId,
        () -> db.selectFrom(JOB).where(JOB.JOB_ID.eq(jobId)).fetchOptional().map(RunRows::job));
  }

  @Override
  public List<JobRecord> liveJobs() {
    return guard(
        "list live jobs",
        () ->
            db.selectFrom(JOB)
                .where(JOB.STATE.in(JobState.QUEUED.name(), JobState.RUNNING.name()))
                .orderBy(JOB.CREATED_MS, JOB.JOB_ID)
                .fetch(RunRows::job));
  }

  @Override
  public List<JobRecord> jobs(int limit) {
    return guard(
        "list jobs",
        () ->
            db.selectFrom(JOB)
                .orderBy(JOB.CREATED_MS.desc(), JOB.JOB_ID)
                .limit(limit)
                .fetch(RunRows::job));
  }

  @Override
  public void updateJob(String jobId, JobState state, String message) {
    guardRun(
        "update job " + jobId,
        () ->
            db.transaction(
                cfg -> {
                  var job = lockJob(DSL.using(cfg), jobId);
                  if (JobState.valueOf(job.getState()).terminal()) {
                    throw new FlightdeckException(
                        "Job " + jobId + " has already ended (" + job.getState() + ").",
                        "Start a new job.");
                  }
                  job.setState(state.name());
                  job.setMessage(nonNull(message));
                  job.setUpdatedMs(clock.millis());
                  job.update();
                }));
  }

  @Override
  public boolean applyProgress(JobProgress p) {
    p.batches().forEach(TrackingNames::batch);
    p.artifacts().forEach(a -> TrackingNames.artifactPath(a.path()));
    writeLock.lock();
    try {
      BatchWriter.Written written =
          guard(
              "store the events of job " + p.jobId(),
              () ->
                  db.transactionResult(
                      cfg -> {
                        DSLContext tx = DSL.using(cfg);
                        var job = lockJob(tx, p.jobId());
                        if (p.upToSeq() <= job.getAckedSeq()) {
                          return null;
                        }
                        String runId = job.getRunId();
                        BatchWriter.Written w = writer.write(tx, p.batches());
                        insertLog(tx, runId, p.logLines());
                        for (RunArtifact a : p.artifacts()) {
                          insertArtifact(tx, runId, a);
                        }
                        if (p.runStatus() != null) {
                          Instant end = p.runEnd() != null ? p.runEnd() : clock.instant();
                          setStatus(tx, runId, p.runStatus(), end, true);
                        }
                        boolean live = !JobState.valueOf(job.getState()).terminal();
                        if (p.jobState() != null && live) {
                          job.setState(p.jobState().name());
                        }
                        if (p.message() != null) {
                          job.setMessage(p.message());
                        }
                        job.setAckedSeq(p.upToSeq());
                        job.setUpdatedMs(clock.millis());
                        job.update();
                        return w;
                      }));
      if (written == null) {
        return false; // a range already stored
      }
      written.publish();
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  private static io.flightdeck.store.jooq.tables.records.JobRecord lockJob(
      DSLContext tx, String jobId) {
    var job = tx.selectFrom(JOB).where(JOB.JOB_ID.eq(jobId)).forUpdate().fetchOne();
    if (job == null) {
      throw new FlightdeckException("There is no job " + jobId + ".", "Check the job id.");
    }
    return job;
  }

  private static void requireRun(DSLContext tx, String runId) {
    if (!tx.fetchExists(RUN, RUN.RUN_ID.eq(runId))) {
      throw noRun(runId);
    }
  }

  private static FlightdeckException noRun(String runId) {
    return new FlightdeckException("There is no run " + runId + ".", "Check the run id.");
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** Runs a database call, turning jOOQ's exceptions into a sentence that names what failed. */
  private static <T> T guard(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (DataAccessException e) {
      throw new FlightdeckException(
          "Could not " + what + ": " + e.getMessage() + ".",
          "Check the workspace's disk space and permissions, then try again.",
          e);
    }
  }

  private static void guardRun(String what, Runnable call) {
    guard(
        what,
        () -> {
          call.run();
          return null;
        });
  }
}
