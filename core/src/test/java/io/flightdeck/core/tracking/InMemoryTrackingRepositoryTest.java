package io.flightdeck.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test fixture keeps the repository's rules, so that tests built on it mean something. */
class InMemoryTrackingRepositoryTest {
  final InMemoryTrackingRepository repo = new InMemoryTrackingRepository();
  final Instant t0 = Instant.ofEpochMilli(1000);

  String run() {
    long exp = repo.createExperiment("e", t0).id();
    return repo.createRun(new NewRun(null, exp, "r", t0, "ana", "local", "x", "", null)).runId();
  }

  @Test
  void paramsAreImmutableAndBatchesAllOrNothing() {
    String id = run();
    repo.logBatch(new RunBatch(id, List.of(), List.of(new Param("lr", "0.1")), List.of()));
    repo.logBatch(new RunBatch(id, List.of(), List.of(new Param("lr", "0.1")), List.of()));
    RunBatch conflicting =
        new RunBatch(
            id,
            List.of(new Metric("loss", 1, 1, 0)),
            List.of(new Param("lr", "0.2")),
            List.of(new Tag("t", "v")));
    assertThatThrownBy(() -> repo.logBatch(conflicting))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'lr'")
        .hasMessageContaining("0.2");
    assertThat(repo.metricKeys(id)).isEmpty();
    assertThat(repo.runRow(id).orElseThrow().tags()).isEmpty();
  }

  @Test
  void summaryAndStatusRules() {
    String id = run();
    repo.logBatch(
        RunBatch.metrics(
            id,
            List.of(
                new Metric("m", 5, 10, 2),
                new Metric("m", Double.NaN, 20, 3),
                new Metric("m", 1, 30, 1))));
    MetricSummary s = repo.runRow(id).orElseThrow().metrics().get("m");
    assertThat(s.last()).isNaN();
    assertThat(s.lastStep()).isEqualTo(3);
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(5);
    assertThat(repo.metricHistory(id, "m")).extracting(Metric::step).containsExactly(1L, 2L, 3L);
    assertThatThrownBy(() -> repo.setStatus(id, RunStatus.FINISHED, null))
        .isInstanceOf(FlightdeckException.class);
    repo.setStatus(id, RunStatus.FINISHED, t0);
    assertThatThrownBy(() -> repo.setStatus(id, RunStatus.FAILED, t0))
        .isInstanceOf(FlightdeckException.class);
    assertThatThrownBy(() -> repo.createExperiment("e", t0))
        .isInstanceOf(FlightdeckException.class);
  }
}
