package io.flightdeck.core.tracking;

import io.flightdeck.core.error.FlightdeckException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A {@link TrackingRepository} held in memory, for core tests: the same rules as the workspace
 * database (unique experiment names, immutable params, all-or-nothing batches, append-only metrics,
 * one artifact per path, exactly-once job progress), none of the storage. Thread-safe by locking
 * every method on the instance.
 */
public final class InMemoryTrackingRepository implements TrackingRepository {
  private final Map<Long, Experiment> experiments = new LinkedHashMap<>();
  private final Map<String, RunState> runs = new LinkedHashMap<>();
  private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
  private long nextExperimentId = 1;

  private static final class RunState {
    RunInfo info;
    final Map<String, String> params = new TreeMap<>();
    final Map<String, String> tags = new TreeMap<>();
    final Map<String, List<Metric>> metrics = new TreeMap<>();
    final Map<String, RunArtifact> artifacts = new LinkedHashMap<>();
    final List<RunInput> inputs = new ArrayList<>();
    final TreeMap<Long, RunLogLine> log = new TreeMap<>();
    String note = "";

    RunState(RunInfo info) {
      this.info = info;
    }
  }

  @Override
  public synchronized Experiment createExperiment(String name, Instant when) {
    TrackingNames.experimentName(name);
    if (experimentByName(name).isPresent()) {
      throw new FlightdeckException(
          "An experiment named '" + name + "' already exists.", "Choose another name.");
    }
    Experiment e = new Experiment(nextExperimentId++, name, when);
    experiments.put(e.id(), e);
    return e;
  }

  @Override
  public synchronized Optional<Experiment> experiment(long id) {
    return Optional.ofNullable(experiments.get(id));
  }

  @Override
  public synchronized Optional<Experiment> experimentByName(String name) {
    return experiments.values().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  @Override
  public synchronized List<Experiment> experiments() {
    return experiments.values().stream().sorted(Comparator.comparing(Experiment::name)).toList();
  }

  @Override
  public synchronized RunInfo createRun(NewRun r) {
    if (!experiments.containsKey(r.experimentId())) {
      throw new FlightdeckException("Experiment " + r.experimentId() + " does not exist.", "");
    }
    String id =
        r.runId() == null
            ? UUID.randomUUID().toString().replace("-", "")
            : TrackingNames.runId(r.runId());
    if (runs.containsKey(id)) {
      throw new FlightdeckException("Run " + id + " already exists.", "");
    }
    RunInfo info =
        new RunInfo(
            id,
            r.experimentId(),
            r.name() == null ? "" : r.name(),
            RunStatus.RUNNING,
            r.start(),
            null,
            r.user(),
            r.host(),
            r.source(),
            r.codeVersion() == null ? "" : r.codeVersion(),
            r.parentRunId());
    runs.put(id, new RunState(info));
    return info;
  }

  @Override
  public synchronized Optional<RunInfo> run(String runId) {
    return Optional.ofNullable(runs.get(runId)).map(s -> s.info);
  }

  private RunState state(String runId) {
    RunState s = runs.get(runId);
    if (s == null) {
      throw new FlightdeckException("Run " + runId + " does not exist.", "");
    }
    return s;
  }

  @Override
  public synchronized void setStatus(String runId, RunStatus status, Instant end) {
    RunState s = state(runId);
    RunInfo i = s.info;
    if (i.status().terminal()) {
      throw new FlightdeckException("Run " + runId + " has already ended.", "");
    }
    if (status.terminal() && end == null) {
      throw new FlightdeckException("Ending run " + runId + " needs an end time.", "");
    }
    s.info =
        new RunInfo(
            i.runId(),
            i.experimentId(),
            i.name(),
            status,
            i.start(),
            status.terminal() ? end : null,
            i.user(),
            i.host(),
            i.source(),
            i.codeVersion(),
            i.parentRunId());
  }

  @Override
  public synchronized void logBatch(RunBatch batch) {
    logBatches(List.of(batch));
  }

  @Override
  public synchronized void logBatches(List<RunBatch> batches) {
    // check everything first, then apply: all or nothing
    Map<String, Map<String, String>> pending = new HashMap<>();
    for (RunBatch b : batches) {
      TrackingNames.batch(b);
      RunState s = state(b.runId());
      Map<String, String> seen = pending.computeIfAbsent(b.runId(), k -> new HashMap<>());
      for (Param p : b.params()) {
        String old = s.params.containsKey(p.key()) ? s.params.get(p.key()) : seen.get(p.key());
        if (old != null && !old.equals(p.value())) {
          throw new FlightdeckException(
              "The param '"
                  + p.key()
                  + "' of run "
                  + b.runId()
                  + " is already '"
                  + old
                  + "'; it cannot become '"
                  + p.value()
                  + "'.",
              "Params are immutable; log a new run.");
        }
        seen.put(p.key(), p.value());
      }
    }
    for (RunBatch b : batches) {
      RunState s = runs.get(b.runId());
      b.params().forEach(p -> s.params.put(p.key(), p.value()));
      b.tags().forEach(t -> s.tags.put(t.key(), t.value()));
      b.metrics().forEach(m -> s.metrics.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
    }
  }

  @Override
  public synchronized List<RunRow> runRows(Long experimentId) {
    return runs.values().stream()
        .filter(s -> experimentId == null || s.info.experimentId() == experimentId)
        .sorted(Comparator.comparing((RunState s) -> s.info.start()).reversed())
        .map(InMemoryTrackingRepository::row)
        .toList();
  }

  @Override
  public synchronized Optional<RunRow> runRow(String runId) {
    return Optional.ofNullable(runs.get(runId)).map(InMemoryTrackingRepository::row);
  }

  private static RunRow row(RunState s) {
    Map<String, MetricSummary> summaries = new TreeMap<>();
    s.metrics.forEach((k, points) -> summaries.put(k, summary(k, points)));
    return new RunRow(
        s.info,
        Collections.unmodifiableMap(new TreeMap<>(s.params)),
        Collections.unmodifiableMap(new TreeMap<>(s.tags)),
        Collections.unmodifiableMap(summaries));
  }

  /** As the database keeps it: last = highest (step, timestamp), the later stored on a tie. */
  static MetricSummary summary(String key, List<Metric> points) {
    Metric last = points.get(0);
    double min = Double.NaN;
    double max = Double.NaN;
    for (Metric m : points) {
      if (m.step() > last.step()
          || (m.step() == last.step() && m.timestampMs() >= last.timestampMs())) {
        last = m;
      }
      if (Double.isFinite(m.value())) {
        min = Double.isNaN(min) ? m.value() : Math.min(min, m.value());
        max = Double.isNaN(max) ? m.value() : Math.max(max, m.value());
      }
    }
    return new MetricSummary(key, last.value(), min, max, last.step(), points.size());
  }

  @Override
  public synchronized List<Metric> metricHistory(String runId, String key) {
    List<Metric> points = new ArrayList<>(state(runId).metrics.getOrDefault(key, List.of()));
    points.sort(Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestampMs));
    return List.copyOf(points);
  }

  @Override
  public synchronized List<String> metricKeys(String runId) {
    return List.copyOf(state(runId).metrics.keySet());
  }

  @Override
  public synchronized void setNote(String runId, String note) {
    state(runId).note = note;
  }

  @Override
  public synchronized String note(String runId) {
    return state(runId).note;
  }

  @Override
  public synchronized void addArtifact(String runId, RunArtifact artifact) {
    RunState s = state(runId);
    TrackingNames.artifactPath(artifact.path());
    if (s.artifacts.containsKey(artifact.path())) {
      throw new FlightdeckException(
          "Run " + runId + " already has an artifact at '" + artifact.path() + "'.", "");
    }
    s.artifacts.put(artifact.path(), artifact);
  }

  @Override
  public synchronized List<RunArtifact> artifacts(String runId) {
    return state(runId).artifacts.values().stream()
        .sorted(Comparator.comparing(RunArtifact::path))
        .toList();
  }

  @Override
  public synchronized void addInput(String runId, RunInput input) {
    state(runId).inputs.add(input);
  }

  @Override
  public synchronized List<RunInput> inputs(String runId) {
    return List.copyOf(state(runId).inputs);
  }

  @Override
  public synchronized void appendLog(String runId, List<RunLogLine> lines) {
    RunState s = state(runId);
    for (RunLogLine l : lines) {
      if (s.log.containsKey(l.seq())) {
        throw new FlightdeckException(
            "Run " + runId + " already has log line " + l.seq() + ".", "");
      }
    }
    lines.forEach(l -> s.log.put(l.seq(), l));
  }

  @Override
  public synchronized List<RunLogLine> log(String runId, long afterSeq, int limit) {
    return state(runId).log.tailMap(afterSeq, false).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized void addJob(JobRecord job) {
    state(job.runId());
    if (jobs.containsKey(job.jobId())) {
      throw new FlightdeckException("Job " + job.jobId() + " already exists.", "");
    }
    jobs.put(job.jobId(), job);
  }

  @Override
  public synchronized Optional<JobRecord> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  @Override
  public synchronized List<JobRecord> liveJobs() {
    return jobs.values().stream()
        .filter(j -> !j.state().terminal())
        .sorted(Comparator.comparing(JobRecord::created))
        .toList();
  }

  @Override
  public synchronized List<JobRecord> jobs(int limit) {
    return jobs.values().stream()
        .sorted(Comparator.comparing(JobRecord::created).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void updateJob(String jobId, JobState state, String message) {
    JobRecord j = jobs.get(jobId);
    if (j == null) {
      throw new FlightdeckException("Job " + jobId + " does not exist.", "");
    }
    jobs.put(jobId, withState(j, state, message, j.ackedSeq()));
  }

  private static JobRecord withState(JobRecord j, JobState state, String message, long acked) {
    return new JobRecord(
        j.jobId(),
        j.runId(),
        j.host(),
        j.kind(),
        j.specJson(),
        state,
        acked,
        message,
        j.created(),
        Instant.now());
  }

  @Override
  public synchronized boolean applyProgress(JobProgress p) {
    JobRecord j = jobs.get(p.jobId());
    if (j == null) {
      throw new FlightdeckException("Job " + p.jobId() + " does not exist.", "");
    }
    if (p.upToSeq() <= j.ackedSeq()) {
      return false;
    }
    logBatches(p.batches());
    if (!p.logLines().isEmpty()) {
      appendLog(j.runId(), p.logLines());
    }
    p.artifacts().forEach(a -> addArtifact(j.runId(), a));
    if (p.runStatus() != null) {
      setStatus(j.runId(), p.runStatus(), p.runEnd());
    }
    jobs.put(
        j.jobId(),
        withState(
            j,
            p.jobState() == null ? j.state() : p.jobState(),
            p.message() == null ? j.message() : p.message(),
            p.upToSeq()));
    return true;
  }
}
