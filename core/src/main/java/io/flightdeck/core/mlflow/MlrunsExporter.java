package io.flightdeck.core.mlflow;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.workspace.ArtifactStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

/**
 * Writes an experiment (or some of its runs) in MLflow's file-store layout, so that {@code mlflow
 * ui --backend-store-uri <folder>} shows it and {@link MlrunsImporter} reads it back unchanged.
 *
 * <p>Each run is written into a hidden temporary folder beside its target and renamed into place,
 * so an interrupted export never leaves half a run; the experiment's meta.yaml is written
 * atomically. Existing run folders are never overwritten: the export is refused up front. Metric
 * values are written as Python's {@code str(float)} ({@code nan}, {@code inf}, {@code -inf}). The
 * note goes to the tag {@code mlflow.note.content}, the host to {@code flightdeck.host}, the parent
 * run to {@code mlflow.parentRunId}.
 *
 * <p>Threading: blocking I/O; call from a worker thread. Keeps no state between calls.
 */
public final class MlrunsExporter {
  private final TrackingRepository repo;
  private final ArtifactStore store;

  /**
   * @param repo where the runs are read; not closed by the exporter
   * @param store where their artifacts are read (every file re-hashed); not closed
   */
  public MlrunsExporter(TrackingRepository repo, ArtifactStore store) {
    this.repo = repo;
    this.store = store;
  }

  /**
   * Exports into {@code mlruns/<experimentId>/}.
   *
   * @param experimentId the experiment
   * @param runIds the runs to write (all of the experiment's when empty)
   * @param mlruns the target folder; created when missing
   * @throws FlightdeckException for an unknown experiment or run, a run of another experiment, an
   *     experiment folder holding another experiment, or a run folder that already exists
   * @throws CancellationException when cancelled; the runs already written stay, each complete
   * @throws IOException when a file cannot be written or an artifact read
   */
  public ExportSummary export(
      long experimentId, List<String> runIds, Path mlruns, MlflowProgress progress)
      throws IOException {
    Experiment exp =
        repo.experiment(experimentId)
            .orElseThrow(
                () ->
                    new FlightdeckException(
                        "There is no experiment " + experimentId + ".", "List experiments first."));
    List<RunInfo> runs = new ArrayList<>();
    if (runIds.isEmpty()) {
      repo.runRows(experimentId).stream()
          .map(RunRow::info)
          .sorted(Comparator.comparing(RunInfo::start))
          .forEach(runs::add);
    } else {
      for (String id : runIds) {
        RunInfo r =
            repo.run(id)
                .orElseThrow(() -> new FlightdeckException("There is no run " + id + ".", ""));
        if (r.experimentId() != experimentId) {
          throw new FlightdeckException(
              "Run " + id + " belongs to another experiment than '" + exp.name() + "'.",
              "Export each experiment on its own.");
        }
        runs.add(r);
      }
    }
    Path expDir = mlruns.resolve(Long.toString(experimentId));
    Path expMeta = expDir.resolve("meta.yaml");
    if (Files.isRegularFile(expMeta)) {
      String there = MlrunsReader.experiment(expDir).name();
      if (!exp.name().equals(there)) {
        throw new FlightdeckException(
            expDir + " already holds the experiment '" + there + "'.",
            "Export into another folder.");
      }
    }
    for (RunInfo r : runs) {
      if (Files.exists(expDir.resolve(r.runId()))) {
        throw new FlightdeckException(
            expDir.resolve(r.runId()) + " already exists; nothing was exported.",
            "Export into another folder, or delete that run folder first.");
      }
    }
    Files.createDirectories(expDir);
    String expUri = expDir.toAbsolutePath().toUri().toString();
    long created = exp.created().toEpochMilli();
    AtomicFiles.writeString(
        expMeta,
        yaml(
            Map.of(
                "artifact_location", MiniYaml.quote(expUri),
                "creation_time", Long.toString(created),
                "experiment_id", MiniYaml.quote(Long.toString(experimentId)),
                "last_update_time", Long.toString(created),
                "lifecycle_stage", "active",
                "name", MiniYaml.quote(exp.name()))));
    long points = 0;
    int artifacts = 0;
    int done = 0;
    for (RunInfo r : runs) {
      if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Export cancelled after " + done + " runs");
      }
      progress.update(done, runs.size(), expDir.resolve(r.runId()).toString());
      Path tmp = Files.createTempDirectory(expDir, ".export-" + r.runId() + "-");
      try {
        points += writeRun(r, tmp, expDir.resolve(r.runId()));
        artifacts += repo.artifacts(r.runId()).size();
        move(tmp, expDir.resolve(r.runId()));
      } finally {
        deleteTree(tmp);
      }
      done++;
    }
    progress.update(done, runs.size(), expDir.toString());
    return new ExportSummary(expDir, runs.size(), points, artifacts);
  }

  /** Writes one run's folder content into {@code dir}; returns its number of metric points. */
  private long writeRun(RunInfo r, Path dir, Path finalDir) throws IOException {
    RunRow row = repo.runRow(r.runId()).orElseThrow();
    Map<String, String> meta = new TreeMap<>();
    meta.put(
        "artifact_uri",
        MiniYaml.quote(finalDir.resolve("artifacts").toAbsolutePath().toUri().toString()));
    meta.put("end_time", r.end() == null ? "null" : Long.toString(r.end().toEpochMilli()));
    meta.put("entry_point_name", "''");
    meta.put("experiment_id", MiniYaml.quote(Long.toString(r.experimentId())));
    meta.put("lifecycle_stage", "active");
    meta.put("run_id", r.runId());
    meta.put("run_name", MiniYaml.quote(r.name()));
    meta.put("run_uuid", r.runId());
    meta.put("source_name", MiniYaml.quote(r.source()));
    meta.put("source_type", "4");
    meta.put("source_version", MiniYaml.quote(r.codeVersion()));
    meta.put("start_time", Long.toString(r.start().toEpochMilli()));
    meta.put("status", Integer.toString(statusCode(r.status())));
    meta.put("tags", "[]");
    meta.put("user_id", MiniYaml.quote(r.user()));
    Files.writeString(dir.resolve("meta.yaml"), yaml(meta), StandardCharsets.UTF_8);

    Map<String, String> tags = new TreeMap<>(row.tags());
    String note = repo.note(r.runId());
    if (!note.isEmpty()) {
      tags.put(MlrunsReader.NOTE_TAG, note);
    }
    if (!r.host().isEmpty()) {
      tags.put(MlrunsReader.HOST_TAG, r.host());
    }
    if (r.parentRunId() != null) {
      tags.putIfAbsent(MlrunsReader.PARENT_TAG, r.parentRunId());
    }
    writeValues(dir.resolve("params"), row.params());
    writeValues(dir.resolve("tags"), tags);

    long points = 0;
    Path metrics = Files.createDirectories(dir.resolve("metrics"));
    for (String key : repo.metricKeys(r.runId())) {
      Path f = metrics.resolve(key);
      Files.createDirectories(f.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
        for (Metric m : repo.metricHistory(r.runId(), key)) {
          w.write(m.timestampMs() + " " + MlflowFloats.format(m.value()) + " " + m.step() + "\n");
          points++;
        }
      }
    }
    Path art = Files.createDirectories(dir.resolve("artifacts"));
    for (RunArtifact a : repo.artifacts(r.runId())) {
      Path f = art.resolve(a.path());
      Files.createDirectories(f.getParent());
      try (InputStream in = store.openVerified(a.sha256())) {
        Files.copy(in, f);
      }
    }
    return points;
  }

  private static void writeValues(Path dir, Map<String, String> values) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : values.entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  static int statusCode(RunStatus s) {
    return switch (s) {
      case RUNNING -> 1;
      case FINISHED -> 3;
      case FAILED -> 4;
      case KILLED -> 5;
    };
  }

  private static String yaml(Map<String, String> values) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(values).forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
    return b.toString();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
