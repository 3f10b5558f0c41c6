package io.flightdeck.store.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.MetricSummary;
import io.flightdeck.core.tracking.NewRun;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracking store against a real workspace database. */
class TrackingRepositoryTest {
  static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  @TempDir Path tmp;
  private LocalWorkspace ws;
  private TrackingRepository repo;
  private long exp;

  @BeforeEach
  void open() {
    ws = LocalWorkspace.open(tmp.resolve("ws"), Clock.fixed(T0, ZoneOffset.UTC), () -> "ana");
    repo = ws.tracking().repository();
    exp = repo.createExperiment("sweep", T0).id();
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private RunInfo newRun(String name, Instant start) {
    return repo.createRun(
        new NewRun(null, exp, name, start, "ana", "local", "builtin:x", "", null));
  }

  private static Metric m(String key, double v, long step) {
    return new Metric(key, v, 1_000 + step, step);
  }

  @Test
  void experimentsAreCreatedFoundAndUniqueByName() {
    Experiment b = repo.createExperiment("baseline", T0.plusSeconds(1));
    assertThat(repo.experimentByName("baseline")).contains(b);
    assertThat(repo.experiment(b.id())).contains(b);
    assertThat(repo.experiments())
        .extracting(Experiment::name)
        .containsExactly("baseline", "sweep");
    assertThatThrownBy(() -> repo.createExperiment("baseline", T0))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'baseline' already exists");
    assertThat(repo.experimentByName("nope")).isEmpty();
  }

  @Test
  void runsAreCreatedWithTheirFieldsAndEndOnce() {
    RunInfo r = newRun("first", T0);
    assertThat(r.runId()).matches("[0-9a-f]{32}");
    assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(r.endTime()).isEmpty();
    assertThat(r.experimentId()).isEqualTo(exp);
    assertThat(r.user()).isEqualTo("ana");
    String child = "0123456789abcdef0123456789abcdef";
    RunInfo c =
        repo.createRun(new NewRun(child, exp, "c", T0, "ana", "h1", "cmd", "abc123", r.runId()));
    assertThat(c.runId()).isEqualTo(child);
    assertThat(c.parentRunId()).isEqualTo(r.runId());
    assertThat(c.codeVersion()).isEqualTo("abc123");

    repo.setStatus(r.runId(), RunStatus.FINISHED, T0.plusSeconds(60));
    assertThat(repo.run(r.runId()).orElseThrow().end()).isEqualTo(T0.plusSeconds(60));
    assertThatThrownBy(() -> repo.setStatus(r.runId(), RunStatus.FAILED, T0.plusSeconds(61)))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("already ended (FINISHED)");
    assertThatThrownBy(
            () -> repo.createRun(new NewRun(null, 999, "x", T0, "a", "h", "s", "", null)))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("no experiment 999");
    assertThatThrownBy(() -> repo.logBatch(RunBatch.metrics("f".repeat(32), List.of(m("a", 1, 0)))))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("no run " + "f".repeat(32));
  }

  @Test
  void paramsAreImmutableAndAConflictStoresNothingOfTheBatch() {
    String run = newRun("p", T0).runId();
    repo.logBatch(new RunBatch(run, List.of(), List.of(new Param("lr", "0.1")), List.of()));
    // the same value again is fine
    repo.logBatch(new RunBatch(run, List.of(), List.of(new Param("lr", "0.1")), List.of()));

    RunBatch bad =
        new RunBatch(
            run,
            List.of(m("loss", 1.0, 1)),
            List.of(new Param("epochs", "5"), new Param("lr", "0.2")),
            List.of(new Tag("t", "v")));
    assertThatThrownBy(() -> repo.logBatch(bad))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'lr'")
        .hasMessageContaining("'0.1'")
        .hasMessageContaining("'0.2'");
    RunRow row = repo.runRow(run).orElseThrow();
    assertThat(row.params()).containsExactly(java.util.Map.entry("lr", "0.1"));
    assertThat(row.tags()).isEmpty();
    assertThat(row.metrics()).isEmpty();
    assertThat(repo.metricHistory(run, "loss")).isEmpty();

    // a conflict inside one call is refused too
    assertThatThrownBy(
            () ->
                repo.logBatch(
                    new RunBatch(
                        run,
                        List.of(),
                        List.of(new Param("k", "1"), new Param("k", "2")),
                        List.of())))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'k'");
  }

  @Test
  void tagsAreOverwritten() {
    String run = newRun("t", T0).runId();
    repo.logBatch(new RunBatch(run, List.of(), List.of(), List.of(new Tag("stage", "a"))));
    repo.logBatch(
        new RunBatch(run, List.of(), List.of(), List.of(new Tag("stage", "b"), new Tag("x", ""))));
    assertThat(repo.runRow(run).orElseThrow().tags())
        .containsExactly(java.util.Map.entry("stage", "b"), java.util.Map.entry("x", ""));
  }

  @Test
  void nanAndInfinitiesRoundTripAndSummariesIgnoreThem() {
    String run = newRun("m", T0).runId();
    repo.logBatch(
        RunBatch.metrics(
            run,
            List.of(
                m("loss", 3.0, 0),
                m("loss", Double.NaN, 1),
                m("loss", Double.POSITIVE_INFINITY, 2),
                m("loss", -1.5, 3),
                m("loss", Double.NEGATIVE_INFINITY, 4),
                m("acc", 0.5, 0))));
    repo.logBatch(RunBatch.metrics(run, List.of(m("loss", Double.NaN, 5), m("loss", 9.0, 2))));

    List<Metric> history = repo.metricHistory(run, "loss");
    assertThat(history).extracting(Metric::step).containsExactly(0L, 1L, 2L, 2L, 3L, 4L, 5L);
    assertThat(history.get(1).value()).isNaN();
    assertThat(history.get(2).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(history.get(5).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(history.get(6).value()).isNaN();
    assertThat(repo.metricKeys(run)).containsExactly("acc", "loss");
    // a live chart reads only what was stored after its last read, in the order stored
    assertThat(repo.metricTail(run, "loss", 5)).extracting(Metric::step).containsExactly(5L, 2L);
    assertThat(repo.metricTail(run, "loss", 0)).hasSize(7);
    assertThat(repo.metricTail(run, "loss", 7)).isEmpty();
    assertThat(repo.metricTail(run, "nope", 0)).isEmpty();

    MetricSummary loss = repo.runRow(run).orElseThrow().metrics().get("loss");
    assertThat(loss.count()).isEqualTo(7);
    assertThat(loss.last()).isNaN(); // step 5 is the newest
    assertThat(loss.lastStep()).isEqualTo(5);
    assertThat(loss.min()).isEqualTo(-1.5);
    assertThat(loss.max()).isEqualTo(9.0);

    String nanOnly = newRun("n", T0).runId();
    repo.logBatch(RunBatch.metrics(nanOnly, List.of(m("x", Double.NaN, 0))));
    MetricSummary x = repo.runRow(nanOnly).orElseThrow().metrics().get("x");
    assertThat(x.min()).isNaN();
    assertThat(x.max()).isNaN();
    assertThat(x.count()).isOne();
  }

  @Test
  void lastIsTheHighestStepNotTheNewestInsert() {
    String run = newRun("late", T0).runId();
    repo.logBatch(RunBatch.metrics(run, List.of(m("v", 10, 10))));
    repo.logBatch(RunBatch.metrics(run, List.of(m("v", 3, 3))));
    MetricSummary v = repo.runRow(run).orElseThrow().metrics().get("v");
    assertThat(v.last()).isEqualTo(10);
    assertThat(v.lastStep()).isEqualTo(10);
  }

  @Test
  void batchLimitsAreRefusedWithTheLimitNamed() {
    String run = newRun("l", T0).runId();
    List<Metric> tooMany = IntStream.range(0, 1001).mapToObj(i -> m("a", i, i)).toList();
    assertThatThrownBy(() -> repo.logBatch(RunBatch.metrics(run, tooMany)))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("1001 metrics")
        .hasMessageContaining("1000");
    List<Param> params = IntStream.range(0, 101).mapToObj(i -> new Param("p" + i, "v")).toList();
    assertThatThrownBy(() -> repo.logBatch(new RunBatch(run, List.of(), params, List.of())))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("101 params")
        .hasMessageContaining("100");
    assertThat(repo.runRow(run).orElseThrow().params()).isEmpty();
  }

  @Test
  void badKeysAreRefused() {
    String run = newRun("k", T0).runId();
    for (String key :
        List.of("a/../b", "..", "/abs", "a//b", "a/", "x".repeat(251), "semi;colon")) {
      assertThatThrownBy(() -> repo.logBatch(RunBatch.metrics(run, List.of(m(key, 1, 0)))))
          .as(key)
          .isInstanceOf(FlightdeckException.class);
    }
    repo.logBatch(RunBatch.metrics(run, List.of(m("x".repeat(250), 1, 0), m("train/loss", 1, 0))));
    assertThat(repo.metricKeys(run)).hasSize(2);
  }

  @Test
  void notesArtifactsInputsAndLogs() {
    String run = newRun("n", T0).runId();
    assertThat(repo.note(run)).isEmpty();
    repo.setNote(run, "# first");
    repo.setNote(run, "# second");
    assertThat(repo.note(run)).isEqualTo("# second");

    RunArtifact a = new RunArtifact("model/model.onnx", "a".repeat(64), 42);
    repo.addArtifact(run, a);
    assertThat(repo.artifacts(run)).containsExactly(a);
    assertThatThrownBy(() -> repo.addArtifact(run, a)).hasMessageContaining("already has");
    assertThatThrownBy(() -> repo.addArtifact(run, new RunArtifact("../x", "b".repeat(64), 1)))
        .isInstanceOf(FlightdeckException.class);

    RunInput in = new RunInput("iris", 2, "c".repeat(64), "training");
    repo.addInput(run, in);
    repo.addInput(run, in);
    assertThat(repo.inputs(run)).containsExactly(in);

    List<RunLogLine> lines = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      lines.add(new RunLogLine(i, 1000 + i, i % 2 == 0 ? "stderr" : "stdout", "line " + i));
    }
    repo.appendLog(run, lines);
    assertThat(repo.log(run, 2, 2))
        .extracting(RunLogLine::text)
        .containsExactly("line 3", "line 4");
    assertThat(repo.log(run, 0, 100)).isEqualTo(lines);
    assertThatThrownBy(() -> repo.appendLog(run, List.of(lines.get(4))))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("already stored");
  }

  @Test
  void runRowsOfTenThousandRunsHaveTheirSummaries() {
    long other = repo.createExperiment("other", T0).id();
    List<RunBatch> batches = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String id = String.format("%032x", i + 1);
      ids.add(id);
      repo.createRun(
          new NewRun(
              id,
              i % 10 == 0 ? other : exp,
              "r" + i,
              T0.plusSeconds(i),
              "ana",
              "local",
              "s",
              "",
              null));
      batches.add(
          new RunBatch(
              id,
              List.of(m("loss", i, 0), m("loss", i / 2.0, 1), m("acc", -i, 0)),
              List.of(new Param("i", Integer.toString(i))),
              List.of()));
      if (batches.size() == 500) {
        repo.logBatches(batches);
        batches.clear();
      }
    }
    List<RunRow> rows = repo.runRows(exp);
    assertThat(rows).hasSize(9_000);
    assertThat(repo.runRows(null)).hasSize(10_000);
    assertThat(rows.get(0).info().name()).isEqualTo("r9999"); // newest start first
    for (RunRow r : rows) {
      int i = Integer.parseInt(r.params().get("i"));
      assertThat(r.info().name()).isEqualTo("r" + i);
      MetricSummary loss = r.metrics().get("loss");
      assertThat(loss.count()).isEqualTo(2);
      assertThat(loss.last()).isEqualTo(i / 2.0);
      assertThat(loss.min()).isEqualTo(i / 2.0);
      assertThat(loss.max()).isEqualTo((double) i);
      assertThat(r.metrics().get("acc").last()).isEqualTo(-i);
    }
    Collections.shuffle(ids);
    assertThat(repo.metricHistory(ids.get(0), "loss")).hasSize(2);
  }
}
