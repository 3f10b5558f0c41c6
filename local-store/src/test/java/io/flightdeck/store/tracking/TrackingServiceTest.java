package io.flightdeck.store.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.MetricIngestor;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracking facade and the batched ingestion path against a real workspace. */
class TrackingServiceTest {
  @TempDir Path tmp;
  private LocalWorkspace ws;
  private TrackingService tracking;

  @BeforeEach
  void open() {
    ws =
        LocalWorkspace.open(
            tmp.resolve("ws"), Clock.fixed(TrackingRepositoryTest.T0, ZoneOffset.UTC), () -> "ana");
    tracking = ws.tracking();
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private List<String> actions() {
    return ws.audit().list(AuditQuery.all()).stream().map(AuditEntry::action).toList();
  }

  @Test
  void experimentsAndRunsAreAuditedButLoggedDataIsNot() {
    Experiment d = tracking.defaultExperiment();
    assertThat(d.name()).isEqualTo(TrackingService.DEFAULT_EXPERIMENT);
    assertThat(tracking.ensureExperiment("Default")).isEqualTo(d);
    assertThatThrownBy(() -> tracking.createExperiment("Default"))
        .isInstanceOf(FlightdeckException.class);
    assertThatThrownBy(() -> tracking.createExperiment(" "))
        .isInstanceOf(FlightdeckException.class);

    RunInfo run = tracking.startRun(d.id(), "first", "local", "builtin:logistic", null);
    assertThat(run.user()).isEqualTo("ana");
    assertThat(run.start()).isEqualTo(TrackingRepositoryTest.T0);
    tracking.logBatch(
        new RunBatch(
            run.runId(),
            List.of(new Metric("loss", 1, 1, 1)),
            List.of(new Param("lr", "0.1")),
            List.of(new Tag("t", "x"))));
    tracking.setNote(run.runId(), "looks good");
    tracking.endRun(run.runId(), RunStatus.FINISHED);
    assertThatThrownBy(() -> tracking.endRun(run.runId(), RunStatus.KILLED))
        .isInstanceOf(FlightdeckException.class);
    assertThatThrownBy(() -> tracking.endRun(run.runId(), RunStatus.RUNNING))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(tracking.repository().run(run.runId()).orElseThrow().status())
        .isEqualTo(RunStatus.FINISHED);
    assertThat(actions())
        .containsExactly(
            "run.end", "run.note", "run.start", "experiment.create", "workspace.created");
    assertThat(ws.audit().verify().valid()).isTrue();
  }

  @Test
  void ingestorFromFourThreadsStoresEveryPointOnce() throws Exception {
    long exp = tracking.defaultExperiment().id();
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(tracking.startRun(exp, "r" + i, "local", "s", null).runId());
    }
    MetricIngestor ingestor = tracking.ingestor();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int step = 0; step < 3_000; step++) {
                  // every thread writes to every run, with its own key
                  String run = runs.get(step % 4);
                  ingestor.offer(run, new Metric("t" + thread, step, step, step));
                }
                ingestor.offer(runs.get(thread), new Param("thread", "" + thread));
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    ingestor.flush();

    for (String run : runs) {
      assertThat(tracking.repository().metricKeys(run)).containsExactly("t0", "t1", "t2", "t3");
      for (int t = 0; t < 4; t++) {
        List<Metric> h = tracking.repository().metricHistory(run, "t" + t);
        Set<Long> steps = new HashSet<>();
        h.forEach(m -> steps.add(m.step()));
        assertThat(h).hasSize(750);
        assertThat(steps).hasSize(750);
      }
      assertThat(tracking.repository().runRow(run).orElseThrow().params()).containsKey("thread");
    }
  }

  @Test
  void aBadBatchIsReportedAndDoesNotLoseTheOthers() throws Exception {
    long exp = tracking.defaultExperiment().id();
    String good = tracking.startRun(exp, "good", "local", "s", null).runId();
    String bad = tracking.startRun(exp, "bad", "local", "s", null).runId();
    tracking.logBatch(new RunBatch(bad, List.of(), List.of(new Param("lr", "1")), List.of()));
    List<RunBatch> failed = new CopyOnWriteArrayList<>();
    List<RuntimeException> errors = new CopyOnWriteArrayList<>();
    try (MetricIngestor ingestor =
        new MetricIngestor(
            tracking.repository(),
            (b, e) -> {
              failed.add(b);
              errors.add(e);
            },
            1_000,
            10_000,
            Duration.ofSeconds(10))) {
      for (int i = 0; i < 2_500; i++) {
        ingestor.offer(good, new Metric("loss", i, i, i));
      }
      ingestor.offer(bad, new Param("lr", "2"));
      ingestor.offer(bad, new Metric("loss", 0, 0, 0));
      ingestor.flush(); // does not wait the 10 s linger
      assertThatThrownBy(() -> ingestor.offer(good, new Metric("../x", 0, 0, 0)))
          .isInstanceOf(FlightdeckException.class);
    }
    assertThat(tracking.repository().metricHistory(good, "loss")).hasSize(2_500);
    assertThat(failed).singleElement().extracting(RunBatch::runId).isEqualTo(bad);
    assertThat(errors.get(0)).hasMessageContaining("'lr'");
    assertThat(tracking.repository().metricKeys(bad)).isEmpty();
  }

  @Test
  void closingTheWorkspaceStoresWhatIsQueued() throws Exception {
    long exp = tracking.defaultExperiment().id();
    String run = tracking.startRun(exp, "q", "local", "s", null).runId();
    for (int i = 0; i < 100; i++) {
      tracking.ingestor().offer(run, new Metric("m", i, i, i));
    }
    ws.close();
    ws = LocalWorkspace.open(tmp.resolve("ws"), Clock.systemUTC(), () -> "ana");
    assertThat(ws.tracking().repository().metricHistory(run, "m")).hasSize(100);
  }
}
