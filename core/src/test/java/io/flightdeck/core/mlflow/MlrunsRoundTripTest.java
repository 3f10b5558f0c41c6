package io.flightdeck.core.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.InMemoryTrackingRepository;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.workspace.TempArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of hand-made mlruns fixtures, export, and import again. */
class MlrunsRoundTripTest {
  static final String PARENT = "0123456789abcdef0123456789abcdef";
  static final String CHILD1 = "1111111111111111aaaaaaaaaaaaaaaa";
  static final String CHILD2 = "2222222222222222bbbbbbbbbbbbbbbb";
  static final String SOLO = "3333333333333333cccccccccccccccc";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  Path fixture(String name) throws IOException, URISyntaxException {
    Path src = Path.of(getClass().getResource("/" + name).toURI());
    Path dst = Files.createTempDirectory(tmp, name);
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return dst;
  }

  @Test
  void importsTheSample() throws Exception {
    var repo = new InMemoryTrackingRepository();
    var store = new TempArtifactStore(tmp.resolve("store"));
    List<String> progress = new ArrayList<>();
    ImportSummary s =
        new MlrunsImporter(repo, store, CLOCK)
            .importFrom(
                fixture("mlruns-sample"),
                new MlflowProgress() {
                  @Override
                  public void update(int done, int total, String current) {
                    progress.add(done + "/" + total);
                  }
                });
    assertThat(s.experiments()).isEqualTo(2);
    assertThat(s.experimentsCreated()).isEqualTo(2);
    assertThat(s.runsImported()).isEqualTo(4);
    assertThat(s.runsSkipped()).isZero();
    assertThat(s.metricPoints()).isEqualTo(4 + 2 + 1 + 3 + 1 + 3);
    assertThat(s.artifacts()).isEqualTo(4);
    assertThat(progress).contains("0/4", "4/4");

    assertThat(repo.experiments())
        .extracting(Experiment::name)
        .containsExactly("Default", "churn: logistic sweep");
    Experiment sweep = repo.experimentByName("churn: logistic sweep").orElseThrow();
    assertThat(sweep.created()).isEqualTo(Instant.ofEpochMilli(1700000100000L));

    RunInfo c1 = repo.run(CHILD1).orElseThrow();
    assertThat(c1.experimentId()).isEqualTo(sweep.id());
    assertThat(c1.name()).isEqualTo("lr=0.01");
    assertThat(c1.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(c1.start()).isEqualTo(Instant.ofEpochMilli(1700000300000L));
    assertThat(c1.end()).isEqualTo(Instant.ofEpochMilli(1700000400000L));
    assertThat(c1.parentRunId()).isEqualTo(PARENT);
    assertThat(c1.source()).isEqualTo("train.py");
    assertThat(c1.user()).isEqualTo("ana");
    assertThat(repo.run(CHILD2).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    RunInfo solo = repo.run(SOLO).orElseThrow();
    assertThat(solo.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(solo.end()).isNull();

    RunRow row = repo.runRow(CHILD1).orElseThrow();
    assertThat(row.params()).isEqualTo(Map.of("lr", "0.01", "penalty", "l2"));
    assertThat(row.tags())
        .containsEntry("mlflow.parentRunId", PARENT)
        .doesNotContainKey("mlflow.note.content");
    assertThat(repo.note(CHILD1)).isEqualTo("Best of the sweep.\nSee the ROC curve.");
    assertThat(repo.metricKeys(CHILD1)).containsExactly("auc", "train/loss", "val/loss");
    List<Metric> loss = repo.metricHistory(CHILD1, "train/loss");
    assertThat(loss).hasSize(4);
    assertThat(loss.get(2).value()).isNaN();
    assertThat(loss.get(3)).isEqualTo(new Metric("train/loss", 0.5, 1700000303000L, 3));
    assertThat(repo.metricHistory(CHILD1, "val/loss").get(1).value())
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(repo.metricHistory(CHILD2, "auc"))
        .containsExactly(new Metric("auc", 0.74, 1700000505000L, 0)); // 2 fields: step 0
    assertThat(repo.metricHistory(CHILD2, "train/loss").get(2).value()).isEqualTo(1e-5);
    assertThat(repo.metricHistory(SOLO, "throughput").get(2).value())
        .isEqualTo(Double.NEGATIVE_INFINITY);

    assertThat(repo.artifacts(CHILD1))
        .extracting(a -> a.path())
        .containsExactly("README.txt", "model/model.onnx", "plots/roc/roc.csv");
    try (InputStream in = store.openVerified(repo.artifacts(CHILD1).get(1).sha256())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ONNXFAKE");
    }
    assertThat(repo.artifacts(CHILD1).get(1).size()).isEqualTo(8);
  }

  @Test
  void reimportSkipsKnownRuns() throws Exception {
    var repo = new InMemoryTrackingRepository();
    var importer = new MlrunsImporter(repo, new TempArtifactStore(tmp.resolve("s")), CLOCK);
    Path mlruns = fixture("mlruns-sample");
    importer.importFrom(mlruns, MlflowProgress.NONE);
    ImportSummary again = importer.importFrom(mlruns, MlflowProgress.NONE);
    assertThat(again.runsImported()).isZero();
    assertThat(again.experimentsCreated()).isZero();
    assertThat(again.skipped())
        .extracting(ImportSummary.SkippedRun::reason)
        .containsOnly("already in the workspace")
        .hasSize(4);
    assertThat(repo.metricHistory(CHILD1, "train/loss")).hasSize(4);
  }

  @Test
  void exportThenImportGivesTheSameWorkspace() throws Exception {
    var first = new InMemoryTrackingRepository();
    var store1 = new TempArtifactStore(tmp.resolve("store1"));
    new MlrunsImporter(first, store1, CLOCK)
        .importFrom(fixture("mlruns-sample"), MlflowProgress.NONE);
    Path out = tmp.resolve("exported");
    var exporter = new MlrunsExporter(first, store1);
    long points = 0;
    for (Experiment e : first.experiments()) {
      ExportSummary s = exporter.export(e.id(), List.of(), out, MlflowProgress.NONE);
      points += s.metricPoints();
    }
    assertThat(points).isEqualTo(14);
    // experiments are numbered by the workspace: Default 1, the sweep 2
    String line = Files.readAllLines(out.resolve("2/" + CHILD2 + "/metrics/train/loss")).get(1);
    assertThat(line).isEqualTo("1700000501000 -inf 1");
    assertThat(Files.readAllLines(out.resolve("2/" + CHILD1 + "/metrics/train/loss")).get(2))
        .isEqualTo("1700000302000 nan 2");
    assertThat(Files.readString(out.resolve("2/" + CHILD1 + "/params/lr"))).isEqualTo("0.01");
    try (Stream<Path> s = Files.list(out.resolve("2"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".")); // no temporary folders left
    }

    var second = new InMemoryTrackingRepository();
    var store2 = new TempArtifactStore(tmp.resolve("store2"));
    ImportSummary s =
        new MlrunsImporter(second, store2, CLOCK).importFrom(out, MlflowProgress.NONE);
    assertThat(s.runsImported()).isEqualTo(4);
    assertThat(snapshot(second)).isEqualTo(snapshot(first));
  }

  /** Everything a repository holds for the runs, with experiments by name. */
  static Map<String, Object> snapshot(TrackingRepository repo) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Experiment e : repo.experiments()) {
      out.put("experiment " + e.name(), e.created());
      for (RunRow r : repo.runRows(e.id())) {
        String id = r.info().runId();
        RunInfo i = r.info();
        out.put(
            id + " info",
            List.of(
                e.name(),
                i.name(),
                i.status(),
                i.start(),
                String.valueOf(i.end()),
                i.user(),
                i.host(),
                i.source(),
                i.codeVersion(),
                String.valueOf(i.parentRunId())));
        out.put(id + " params", r.params());
        out.put(id + " tags", r.tags());
        out.put(id + " note", repo.note(id));
        out.put(id + " artifacts", repo.artifacts(id));
        for (String k : repo.metricKeys(id)) {
          // Metric is a record: equals compares doubles bit-wise, so NaN equals NaN
          out.put(id + " metric " + k, repo.metricHistory(id, k));
        }
      }
    }
    return out;
  }

  @Test
  void malformedMetricLineNamesFileAndLineAndImportsNothing() throws Exception {
    var repo = new InMemoryTrackingRepository();
    var store = new TempArtifactStore(tmp.resolve("store"));
    Path mlruns = fixture("mlruns-malformed");
    assertThatThrownBy(
            () -> new MlrunsImporter(repo, store, CLOCK).importFrom(mlruns, MlflowProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(
            Path.of("4444444444444444dddddddddddddddd", "metrics", "loss").toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("found 1 field");
    assertThat(repo.experiments()).isEmpty();
    assertThat(repo.runRows(null)).isEmpty();
    try (Stream<Path> s = Files.list(tmp.resolve("store"))) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void badKeysAndYamlNameTheFile() throws Exception {
    Path mlruns = fixture("mlruns-sample");
    var repo = new InMemoryTrackingRepository();
    var importer = new MlrunsImporter(repo, new TempArtifactStore(tmp.resolve("s")), CLOCK);
    Files.writeString(mlruns.resolve("1/" + CHILD2 + "/params/bad:key"), "1");
    assertThatThrownBy(() -> importer.importFrom(mlruns, MlflowProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("bad:key")
        .hasMessageContaining("In " + mlruns.resolve("1/" + CHILD2 + "/params/bad:key"));
    Files.delete(mlruns.resolve("1/" + CHILD2 + "/params/bad:key"));
    Files.writeString(
        mlruns.resolve("1/meta.yaml"), "experiment_id: '1'\nname: x\ntags:\n  - a: b\n");
    assertThatThrownBy(() -> importer.importFrom(mlruns, MlflowProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(mlruns.resolve("1/meta.yaml") + " line 4");
    assertThat(repo.runRows(null)).isEmpty();
  }

  @Test
  void cancellingStopsBetweenRuns() throws Exception {
    var repo = new InMemoryTrackingRepository();
    var importer = new MlrunsImporter(repo, new TempArtifactStore(tmp.resolve("s")), CLOCK);
    MlflowProgress cancelAfterTwoRuns =
        new MlflowProgress() {
          @Override
          public boolean isCancelled() {
            return repo.runRows(null).size() >= 2;
          }
        };
    assertThatThrownBy(() -> importer.importFrom(fixture("mlruns-sample"), cancelAfterTwoRuns))
        .isInstanceOf(CancellationException.class);
    assertThat(repo.runRows(null)).hasSize(2);
    // whole runs only: the first two in folder order, each with all its data
    assertThat(repo.run(SOLO)).isPresent();
    assertThat(repo.metricHistory(SOLO, "throughput")).hasSize(3);
    assertThat(repo.artifacts(SOLO)).hasSize(1);
    assertThat(repo.runRow(PARENT).orElseThrow().params()).containsEntry("search", "grid");
    assertThat(repo.run(PARENT).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
    ImportSummary rest = importer.importFrom(fixture("mlruns-sample"), MlflowProgress.NONE);
    assertThat(rest.runsImported()).isEqualTo(2);
    assertThat(rest.runsSkipped()).isEqualTo(2);
  }

  @Test
  void exportRefusesToOverwriteARun() throws Exception {
    var repo = new InMemoryTrackingRepository();
    var store = new TempArtifactStore(tmp.resolve("s"));
    new MlrunsImporter(repo, store, CLOCK)
        .importFrom(fixture("mlruns-sample"), MlflowProgress.NONE);
    long id = repo.experimentByName("Default").orElseThrow().id();
    Path out = tmp.resolve("out");
    var exporter = new MlrunsExporter(repo, store);
    exporter.export(id, List.of(SOLO), out, MlflowProgress.NONE);
    assertThatThrownBy(() -> exporter.export(id, List.of(), out, MlflowProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void floatsAsPythonWritesThem() {
    assertThat(MlflowFloats.format(0.5)).isEqualTo("0.5");
    assertThat(MlflowFloats.format(100)).isEqualTo("100.0");
    assertThat(MlflowFloats.format(1e-5)).isEqualTo("1e-05");
    assertThat(MlflowFloats.format(0.0001)).isEqualTo("0.0001");
    assertThat(MlflowFloats.format(1.5e16)).isEqualTo("1.5e+16");
    assertThat(MlflowFloats.format(1e15)).isEqualTo("1000000000000000.0");
    assertThat(MlflowFloats.format(-2.5e-7)).isEqualTo("-2.5e-07");
    assertThat(MlflowFloats.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(MlflowFloats.format(Double.NaN)).isEqualTo("nan");
    assertThat(MlflowFloats.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(MlflowFloats.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(MlflowFloats.parse("nan")).isNaN();
    assertThat(MlflowFloats.parse("NaN")).isNaN();
    assertThat(MlflowFloats.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(MlflowFloats.parse("+inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(MlflowFloats.parse("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(MlflowFloats.parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(MlflowFloats.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(MlflowFloats.parse("1e-05")).isEqualTo(1e-5);
    assertThat(MlflowFloats.parse("3")).isEqualTo(3.0);
    assertThatThrownBy(() -> MlflowFloats.parse("1d")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> MlflowFloats.parse("0x1p3")).isInstanceOf(NumberFormatException.class);
  }
}
