package io.flightdeck.core.mlflow;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads MLflow's file-store layout into plain values, validating every name and line; writes
 * nothing. Every problem is a {@link FlightdeckException} naming the file (and line). Stateless.
 */
final class MlrunsReader {
  /** Tag that carries a run's note in MLflow (the UI's description). */
  static final String NOTE_TAG = "mlflow.note.content";

  /** Tag under which an export keeps Flightdeck's host, which MLflow has no field for. */
  static final String HOST_TAG = "flightdeck.host";

  static final String PARENT_TAG = "mlflow.parentRunId";
  private static final Set<String> NOT_RUNS =
      Set.of("tags", "models", "datasets", "traces", "logged_models");

  record ExperimentData(String mlflowId, Path dir, String name, Instant created, boolean deleted) {}

  record ArtifactFile(String path, Path file, long size) {}

  record RunData(
      String runId,
      Path dir,
      String name,
      RunStatus status,
      Instant start,
      Instant end,
      String user,
      String host,
      String source,
      String codeVersion,
      String parentRunId,
      boolean deleted,
      List<Metric> metrics,
      List<Param> params,
      List<Tag> tags,
      String note,
      List<ArtifactFile> artifacts) {}

  private MlrunsReader() {}

  /** The experiment folders under {@code mlruns}, by name; {@code .trash} and models skipped. */
  static List<Path> experimentDirs(Path mlruns) throws IOException {
    if (!Files.isDirectory(mlruns)) {
      throw new FlightdeckException(
          mlruns + " is not a folder.", "Choose the mlruns folder that MLflow wrote.");
    }
    return subfolders(mlruns).stream()
        .filter(d -> !name(d).equals("models") && Files.isRegularFile(d.resolve("meta.yaml")))
        .toList();
  }

  /** The run folders of an experiment folder (those with a meta.yaml). */
  static List<Path> runDirs(Path experimentDir) throws IOException {
    return subfolders(experimentDir).stream()
        .filter(d -> !NOT_RUNS.contains(name(d)) && Files.isRegularFile(d.resolve("meta.yaml")))
        .toList();
  }

  private static List<Path> subfolders(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !name(p).startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  static ExperimentData experiment(Path dir) throws IOException {
    Path meta = dir.resolve("meta.yaml");
    Map<String, String> m = MiniYaml.read(meta);
    String id = m.getOrDefault("experiment_id", name(dir));
    String name = m.get("name");
    if (name == null && "0".equals(id)) {
      name = "Default";
    }
    String checked = name;
    named(meta, () -> TrackingNames.experimentName(checked));
    Long created = millis(meta, m, "creation_time");
    return new ExperimentData(
        id,
        dir,
        name,
        created == null ? null : Instant.ofEpochMilli(created),
        "deleted".equals(m.get("lifecycle_stage")));
  }

  /** Reads and checks one run folder completely. */
  static RunData run(Path dir) throws IOException {
    Path meta = dir.resolve("meta.yaml");
    Map<String, String> m = MiniYaml.read(meta);
    String runId = m.get("run_id") != null ? m.get("run_id") : m.get("run_uuid");
    named(meta, () -> TrackingNames.runId(runId));
    if (!runId.equals(name(dir))) {
      throw new FlightdeckException(
          meta + " names run " + runId + ", but its folder is " + name(dir) + ".",
          "Rename the folder to the run id, or remove it from the import.");
    }
    Long start = millis(meta, m, "start_time");
    Long end = millis(meta, m, "end_time");
    if (start == null) {
      throw MiniYaml.bad(meta, line(meta, "start_time"), "no start_time");
    }
    RunStatus status = status(meta, m.get("status"));

    List<Param> params = new ArrayList<>();
    for (Map.Entry<String, Path> e : files(dir.resolve("params")).entrySet()) {
      Param p = new Param(e.getKey(), Files.readString(e.getValue(), StandardCharsets.UTF_8));
      named(e.getValue(), () -> TrackingNames.param(p));
      params.add(p);
    }
    Map<String, String> tagMap = new TreeMap<>();
    for (Map.Entry<String, Path> e : files(dir.resolve("tags")).entrySet()) {
      Tag t = new Tag(e.getKey(), Files.readString(e.getValue(), StandardCharsets.UTF_8));
      if (!t.key().equals(NOTE_TAG)) {
        named(e.getValue(), () -> TrackingNames.tag(t));
      }
      tagMap.put(t.key(), t.value());
    }
    String note = tagMap.remove(NOTE_TAG);
    String host = tagMap.remove(HOST_TAG);
    List<Tag> tags =
        tagMap.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();

    List<Metric> metrics = new ArrayList<>();
    for (Map.Entry<String, Path> e : files(dir.resolve("metrics")).entrySet()) {
      named(e.getValue(), () -> TrackingNames.key("metric", e.getKey()));
      readMetric(e.getKey(), e.getValue(), metrics);
    }

    List<ArtifactFile> artifacts = new ArrayList<>();
    Path artifactDir = artifactDir(dir, m.get("artifact_uri"));
    for (Map.Entry<String, Path> e : files(artifactDir).entrySet()) {
      named(e.getValue(), () -> TrackingNames.artifactPath(e.getKey()));
      artifacts.add(new ArtifactFile(e.getKey(), e.getValue(), Files.size(e.getValue())));
    }

    String name = or(m.get("run_name"), tagMap.get("mlflow.runName"));
    return new RunData(
        runId,
        dir,
        name,
        status,
        Instant.ofEpochMilli(start),
        end == null ? null : Instant.ofEpochMilli(end),
        or(m.get("user_id"), tagMap.get("mlflow.user")),
        host == null ? "" : host,
        or(m.get("source_name"), tagMap.get("mlflow.source.name")),
        or(m.get("source_version"), tagMap.get("mlflow.source.git.commit")),
        tagMap.get(PARENT_TAG),
        "deleted".equals(m.get("lifecycle_stage")),
        metrics,
        params,
        tags,
        note == null ? "" : note,
        artifacts);
  }

  private static String or(String a, String b) {
    return a != null && !a.isEmpty() ? a : b == null ? "" : b;
  }

  /**
   * The run's artifacts/ folder, or the local folder its artifact_uri names when that is absent.
   */
  private static Path artifactDir(Path runDir, String uri) {
    Path local = runDir.resolve("artifacts");
    if (Files.isDirectory(local) || uri == null || !uri.startsWith("file:")) {
      return local;
    }
    try {
      return Path.of(URI.create(uri));
    } catch (IllegalArgumentException e) {
      return local;
    }
  }

  private static void readMetric(String key, Path file, List<Metric> out) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        if (f.length != 2 && f.length != 3) {
          throw badLine(
              file,
              lineNo,
              "expected '<timestamp_ms> <value> <step>' but found "
                  + f.length
                  + (f.length == 1 ? " field" : " fields"),
              line);
        }
        long ts;
        double value;
        long step;
        try {
          ts = Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
          throw badLine(file, lineNo, "the timestamp '" + f[0] + "' is not a whole number", line);
        }
        try {
          value = MlflowFloats.parse(f[1]);
        } catch (NumberFormatException e) {
          throw badLine(file, lineNo, "the value '" + f[1] + "' is not a number", line);
        }
        try {
          step = f.length == 3 ? Long.parseLong(f[2]) : 0;
        } catch (NumberFormatException e) {
          throw badLine(file, lineNo, "the step '" + f[2] + "' is not a whole number", line);
        }
        out.add(new Metric(key, value, ts, step));
      }
    }
  }

  private static FlightdeckException badLine(Path file, int lineNo, String what, String line) {
    String shown = line.length() > 80 ? line.substring(0, 77) + "..." : line;
    return new FlightdeckException(
        "Cannot import " + file + " line " + lineNo + ": " + what + " ('" + shown + "').",
        "Fix or remove that line; nothing was imported.");
  }

  /** Regular files under {@code dir} by '/'-separated relative path; links are not followed. */
  private static Map<String, Path> files(Path dir) throws IOException {
    Map<String, Path> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"), p);
        }
      }
    }
    return out;
  }

  private static RunStatus status(Path meta, String s) {
    String v = s == null ? "" : s.trim();
    return switch (v.toUpperCase(java.util.Locale.ROOT)) {
      case "1", "2", "RUNNING", "SCHEDULED" -> RunStatus.RUNNING;
      case "3", "FINISHED" -> RunStatus.FINISHED;
      case "4", "FAILED" -> RunStatus.FAILED;
      case "5", "KILLED" -> RunStatus.KILLED;
      default ->
          throw MiniYaml.bad(
              meta, line(meta, "status"), "the status '" + v + "' is not 1 to 5 or a status name");
    };
  }

  private static Long millis(Path meta, Map<String, String> m, String key) throws IOException {
    String v = m.get(key);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw MiniYaml.bad(meta, line(meta, key), key + " '" + v + "' is not a whole number");
    }
  }

  /** The line where {@code key} is set (for messages), 0 when not found. */
  private static int line(Path meta, String key) {
    try {
      List<String> lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(key + ":")) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** Runs a name check and names the file in its message. */
  private static void named(Path file, Supplier<?> check) {
    try {
      check.get();
    } catch (FlightdeckException e) {
      throw new FlightdeckException("In " + file + ": " + e.getMessage(), e.hint(), e);
    }
  }
}
