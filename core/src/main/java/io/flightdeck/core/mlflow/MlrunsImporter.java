package io.flightdeck.core.mlflow;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.mlflow.ImportSummary.SkippedRun;
import io.flightdeck.core.mlflow.MlrunsReader.ArtifactFile;
import io.flightdeck.core.mlflow.MlrunsReader.ExperimentData;
import io.flightdeck.core.mlflow.MlrunsReader.RunData;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.NewRun;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingNames;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.workspace.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Imports a folder in MLflow's file-store layout ({@code mlruns/}) into the workspace.
 *
 * <p>Two passes: first every experiment and run is read and checked (meta.yaml, every metric line,
 * every param, tag and artifact name), writing nothing, so a bad file fails the import before
 * anything is stored; then each run is written in one go: artifact files into the {@link
 * ArtifactStore}, then the run, its metrics, params and tags, note, artifacts and status through
 * the {@link TrackingRepository}. Experiments are matched by name and created when missing. Run ids
 * are kept; a run already in the workspace is skipped and reported, so importing again is harmless.
 * Runs marked deleted in MLflow are skipped; {@code .trash} and registry {@code models/} are not
 * read. MLflow's SCHEDULED status becomes RUNNING; a finished run without end_time ends at its
 * start.
 *
 * <p>Threading: blocking file and database I/O; call from a worker thread, one import at a time per
 * repository. The importer keeps no state between calls.
 */
public final class MlrunsImporter {
  private final TrackingRepository repo;
  private final ArtifactStore store;
  private final Clock clock;

  /**
   * @param repo where runs go; not closed by the importer
   * @param store where artifact files go; not closed by the importer
   * @param clock gives the creation time of experiments whose meta.yaml has none
   */
  public MlrunsImporter(TrackingRepository repo, ArtifactStore store, Clock clock) {
    this.repo = repo;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Imports everything under {@code mlruns}.
   *
   * @param mlruns the folder that holds {@code <experiment_id>/meta.yaml}
   * @param progress receives progress and may cancel between runs
   * @return what was imported and skipped
   * @throws FlightdeckException naming the file (and line) when anything cannot be read: then
   *     nothing is imported; or from the repository while writing
   * @throws CancellationException when cancelled; the runs already written stay, each complete
   * @throws IOException when a file cannot be read or the store cannot be written
   */
  public ImportSummary importFrom(Path mlruns, MlflowProgress progress) throws IOException {
    // pass 1: read and check everything, write nothing
    Map<ExperimentData, List<Path>> plan = new LinkedHashMap<>();
    Map<String, Path> seen = new HashMap<>();
    int total = 0;
    for (Path expDir : MlrunsReader.experimentDirs(mlruns)) {
      List<Path> runs = MlrunsReader.runDirs(expDir);
      plan.put(MlrunsReader.experiment(expDir), runs);
      total += runs.size();
    }
    if (plan.isEmpty()) {
      throw new FlightdeckException(
          mlruns + " holds no MLflow experiment (no <id>/meta.yaml).",
          "Choose the mlruns folder itself, the one that holds 0/meta.yaml.");
    }
    for (List<Path> runs : plan.values()) {
      for (Path runDir : runs) {
        checkCancelled(progress, "Import of " + mlruns + " cancelled before writing anything");
        progress.update(0, total, runDir.toString());
        RunData d = MlrunsReader.run(runDir);
        Path other = seen.put(d.runId(), runDir);
        if (other != null) {
          throw new FlightdeckException(
              "Run " + d.runId() + " is in both " + other + " and " + runDir + ".",
              "Remove one of the two folders, then import again.");
        }
      }
    }

    // pass 2: write run by run
    int done = 0;
    int created = 0;
    int imported = 0;
    long points = 0;
    int artifacts = 0;
    List<SkippedRun> skipped = new ArrayList<>();
    for (Map.Entry<ExperimentData, List<Path>> e : plan.entrySet()) {
      ExperimentData exp = e.getKey();
      Experiment target = repo.experimentByName(exp.name()).orElse(null);
      if (target == null && !exp.deleted()) {
        target =
            repo.createExperiment(
                exp.name(), exp.created() != null ? exp.created() : clock.instant());
        created++;
      }
      for (Path runDir : e.getValue()) {
        checkCancelled(progress, "Import of " + mlruns + " cancelled after " + done + " runs");
        progress.update(done, total, runDir.toString());
        RunData d = MlrunsReader.run(runDir);
        if (exp.deleted() || d.deleted()) {
          skipped.add(new SkippedRun(d.runId(), "deleted in MLflow"));
        } else if (repo.run(d.runId()).isPresent()) {
          skipped.add(new SkippedRun(d.runId(), "already in the workspace"));
        } else {
          artifacts += write(target.id(), d);
          points += d.metrics().size();
          imported++;
        }
        done++;
      }
    }
    progress.update(done, total, mlruns.toString());
    int experiments = (int) plan.keySet().stream().filter(x -> !x.deleted()).count();
    return new ImportSummary(experiments, created, imported, skipped, points, artifacts);
  }

  private static void checkCancelled(MlflowProgress progress, String message) {
    if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new CancellationException(message);
    }
  }

  /** Writes one run; returns the number of artifacts. */
  private int write(long experimentId, RunData d) throws IOException {
    List<RunArtifact> stored = new ArrayList<>();
    for (ArtifactFile f : d.artifacts()) {
      try (InputStream in = Files.newInputStream(f.file())) {
        stored.add(new RunArtifact(f.path(), store.put(in), f.size()));
      }
    }
    repo.createRun(
        new NewRun(
            d.runId(),
            experimentId,
            d.name(),
            d.start(),
            d.user(),
            d.host(),
            d.source(),
            d.codeVersion(),
            d.parentRunId()));
    List<RunBatch> batches = batches(d.runId(), d.metrics(), d.params(), d.tags());
    if (!batches.isEmpty()) {
      repo.logBatches(batches);
    }
    if (!d.note().isEmpty()) {
      repo.setNote(d.runId(), d.note());
    }
    for (RunArtifact a : stored) {
      repo.addArtifact(d.runId(), a);
    }
    if (d.status().terminal()) {
      repo.setStatus(d.runId(), d.status(), d.end() != null ? d.end() : d.start());
    }
    return stored.size();
  }

  /** Splits a run's data into batches within MLflow's limits. */
  static List<RunBatch> batches(String runId, List<Metric> m, List<Param> p, List<Tag> t) {
    List<RunBatch> out = new ArrayList<>();
    for (int k = 0; ; k++) {
      List<Metric> mk = slice(m, k, TrackingNames.MAX_BATCH_METRICS);
      List<Param> pk = slice(p, k, TrackingNames.MAX_BATCH_PARAMS);
      List<Tag> tk = slice(t, k, TrackingNames.MAX_BATCH_TAGS);
      if (mk.isEmpty() && pk.isEmpty() && tk.isEmpty()) {
        return out;
      }
      out.add(new RunBatch(runId, mk, pk, tk));
    }
  }

  private static <T> List<T> slice(List<T> list, int k, int size) {
    int from = Math.min(list.size(), k * size);
    return list.subList(from, Math.min(list.size(), from + size));
  }
}
