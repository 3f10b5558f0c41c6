package io.flightdeck.store.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.tracking.JobProgress;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.NewRun;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs: persisted for re-attaching, and their events stored exactly once. */
class JobStoreTest {
  private static final Instant T0 = TrackingRepositoryTest.T0;

  @TempDir Path tmp;
  private LocalWorkspace ws;
  private TrackingRepository repo;
  private String run;

  @BeforeEach
  void open() {
    ws = LocalWorkspace.open(tmp.resolve("ws"), Clock.fixed(T0, ZoneOffset.UTC), () -> "ana");
    repo = ws.tracking().repository();
    long exp = repo.createExperiment("jobs", T0).id();
    run = repo.createRun(new NewRun(null, exp, "", T0, "ana", "h1", "train", "", null)).runId();
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private JobRecord job(String id, JobState state, Instant created) {
    return new JobRecord(id, run, "h1", "train", "{\"a\":1}", state, 0, "", created, created);
  }

  private JobProgress progress(String jobId, long upTo, long firstStep, int points) {
    List<Metric> ms = new java.util.ArrayList<>();
    for (int i = 0; i < points; i++) {
      ms.add(new Metric("loss", i, 1000 + i, firstStep + i));
    }
    return new JobProgress(
        jobId,
        upTo,
        List.of(new RunBatch(run, ms, List.of(new Param("lr", "0.1")), List.of())),
        List.of(new RunLogLine(upTo, 1000, "stdout", "up to " + upTo)),
        List.of(),
        null,
        null,
        JobState.RUNNING,
        "running");
  }

  @Test
  void liveJobsAreTheUnfinishedOnesOldestFirst() {
    repo.addJob(job("b".repeat(32), JobState.RUNNING, T0.plusSeconds(2)));
    repo.addJob(job("a".repeat(32), JobState.QUEUED, T0.plusSeconds(1)));
    repo.addJob(job("c".repeat(32), JobState.RUNNING, T0.plusSeconds(3)));
    repo.updateJob("c".repeat(32), JobState.SUCCEEDED, "done");
    assertThat(repo.liveJobs())
        .extracting(JobRecord::jobId)
        .containsExactly("a".repeat(32), "b".repeat(32));
    JobRecord c = repo.job("c".repeat(32)).orElseThrow();
    assertThat(c.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(c.message()).isEqualTo("done");
    assertThat(c.specJson()).isEqualTo("{\"a\":1}");
    assertThatThrownBy(() -> repo.updateJob("c".repeat(32), JobState.RUNNING, ""))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("already ended");
    assertThatThrownBy(() -> repo.addJob(job("a".repeat(32), JobState.QUEUED, T0)))
        .hasMessageContaining("already exists");
  }

  @Test
  void progressIsAppliedExactlyOnce() {
    String id = "d".repeat(32);
    repo.addJob(job(id, JobState.QUEUED, T0));

    assertThat(repo.applyProgress(progress(id, 10, 0, 10))).isTrue();
    assertThat(repo.applyProgress(progress(id, 10, 0, 10))).isFalse(); // the same range again
    assertThat(repo.applyProgress(progress(id, 7, 0, 10))).isFalse(); // an older range
    assertThat(repo.metricHistory(run, "loss")).hasSize(10);
    assertThat(repo.log(run, 0, 100)).hasSize(1);
    JobRecord j = repo.job(id).orElseThrow();
    assertThat(j.ackedSeq()).isEqualTo(10);
    assertThat(j.state()).isEqualTo(JobState.RUNNING);
    assertThat(j.message()).isEqualTo("running");

    JobProgress end =
        new JobProgress(
            id,
            12,
            List.of(),
            List.of(),
            List.of(new RunArtifact("model.onnx", "e".repeat(64), 7)),
            RunStatus.FINISHED,
            T0.plusSeconds(30),
            JobState.SUCCEEDED,
            "exit 0");
    assertThat(repo.applyProgress(progress(id, 11, 10, 5))).isTrue();
    assertThat(repo.applyProgress(end)).isTrue();
    assertThat(repo.applyProgress(end)).isFalse();
    assertThat(repo.metricHistory(run, "loss")).hasSize(15);
    assertThat(repo.artifacts(run)).hasSize(1);
    assertThat(repo.run(run).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
    assertThat(repo.run(run).orElseThrow().end()).isEqualTo(T0.plusSeconds(30));
    assertThat(repo.liveJobs()).isEmpty();
  }

  @Test
  void aRefusedRangeStoresNothingAndKeepsTheAck() {
    String id = "f".repeat(32);
    repo.addJob(job(id, JobState.RUNNING, T0));
    repo.applyProgress(progress(id, 5, 0, 3));
    JobProgress conflicting =
        new JobProgress(
            id,
            9,
            List.of(
                new RunBatch(
                    run,
                    List.of(new Metric("loss", 1, 1, 99)),
                    List.of(new Param("lr", "0.9")),
                    List.of())),
            List.of(new RunLogLine(9, 1, "stdout", "x")),
            List.of(),
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> repo.applyProgress(conflicting))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'lr'");
    assertThat(repo.job(id).orElseThrow().ackedSeq()).isEqualTo(5);
    assertThat(repo.metricHistory(run, "loss")).hasSize(3);
    assertThat(repo.log(run, 0, 100)).hasSize(1);
  }
}
