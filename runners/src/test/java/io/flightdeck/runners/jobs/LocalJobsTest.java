package io.flightdeck.runners.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.runners.agent.LocalAgentConnector;
import io.flightdeck.store.LocalWorkspace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs on the real local agent (a child JVM), stored in a real H2 workspace. */
class LocalJobsTest {
  @TempDir Path dir;
  LocalWorkspace ws;
  JobManager jobs;

  @BeforeEach
  void open() {
    ws = LocalWorkspace.open(dir.resolve("ws"), Clock.systemUTC(), () -> "tester");
    jobs = manager();
  }

  private JobManager manager() {
    return new JobManager(
        ws.tracking(),
        ws.datasets(),
        ws.artifacts(),
        ws.audit(),
        LocalAgentConnector.fromCurrentJvm(dir.resolve("ws/agent")),
        Clock.systemUTC());
  }

  @AfterEach
  void close() {
    jobs.close();
    ws.close();
  }

  private TrackingRepository repo() {
    return ws.tracking().repository();
  }

  @Test
  void trainsOnTheSampleAndStoresAnOnnxModelThatMatchesTribuo() throws Exception {
    ws.datasets().loadSample(ImportProgress.NONE);
    JobRecord job =
        jobs.submitTraining(
            new TrainRequest(
                new DatasetRef(SampleData.DATASET, 1),
                "weather",
                List.of(),
                "logistic",
                Map.of("epochs", "4"),
                "weather",
                ""));
    JobRecord done = jobs.awaitEnd(job.jobId(), Duration.ofMinutes(3));
    assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
    assertThat(repo().run(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
    assertThat(repo().metricHistory(job.runId(), "train/loss")).hasSize(4);
    List<Metric> diff = repo().metricHistory(job.runId(), "onnx/max_abs_diff");
    assertThat(diff).hasSize(1);
    assertThat(diff.get(0).value()).isLessThan(1e-4);
    RunArtifact onnx =
        repo().artifacts(job.runId()).stream()
            .filter(a -> a.path().equals("model/model.onnx"))
            .findFirst()
            .orElseThrow();
    try (InputStream in = ws.artifacts().openVerified(onnx.sha256())) {
      assertThat(in.readAllBytes()).hasSize((int) onnx.size());
    }
    assertThat(repo().inputs(job.runId()))
        .singleElement()
        .satisfies(i -> assertThat(i.dataset()).isEqualTo(SampleData.DATASET));
    assertThat(repo().runRow(job.runId()).orElseThrow().params()).containsEntry("epochs", "4");
  }

  @Test
  void badTrainingRequestsCreateNothing() {
    ws.datasets().loadSample(ImportProgress.NONE);
    DatasetRef ref = new DatasetRef(SampleData.DATASET, 1);
    assertThatThrownBy(
            () ->
                jobs.submitTraining(
                    new TrainRequest(ref, "nope", List.of(), "logistic", Map.of(), "", "")))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'nope'");
    assertThatThrownBy(
            () ->
                jobs.submitTraining(
                    new TrainRequest(
                        ref, "temp_max", List.of("weather"), "linear", Map.of(), "", "")))
        .hasMessageContaining("'weather'")
        .hasMessageContaining("numeric");
    assertThatThrownBy(
            () ->
                jobs.submitTraining(
                    new TrainRequest(
                        ref, "weather", List.of(), "logistic", Map.of("epochs", "-1"), "", "")))
        .hasMessageContaining("epochs");
    assertThat(repo().runRows(null)).isEmpty();
  }

  @Test
  void commandNotFoundCreatesNothing() {
    assertThatThrownBy(
            () ->
                jobs.submitCommand(
                    new CommandRequest(List.of("no-such-command-xyz"), dir, Map.of(), "", "", "")))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("Command not found: 'no-such-command-xyz'");
    assertThat(repo().runRows(null)).isEmpty();
  }

  @Test
  void commandJobReportsMetricsLogsArtifactsAndExitCode() throws Exception {
    Files.createDirectories(dir.resolve("work"));
    String script =
        "for i in 1 2 3; do echo \"##flightdeck metric loss 0.$i $i\"; done;"
            + " echo '##flightdeck param lr 0.01'; echo to-stderr >&2;"
            + " mkdir -p out; echo hello > out/result.txt; ln -s /etc/passwd out/link; exit 3";
    JobRecord job =
        jobs.submitCommand(
            new CommandRequest(
                List.of("bash", "-c", script), dir.resolve("work"), Map.of(), "out", "", "cmd"));
    JobRecord done = jobs.awaitEnd(job.jobId(), Duration.ofMinutes(1));
    assertThat(done.state()).isEqualTo(JobState.FAILED);
    assertThat(done.message()).contains("exit code 3");
    assertThat(repo().run(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    assertThat(repo().metricHistory(job.runId(), "loss"))
        .extracting(Metric::step)
        .containsExactly(1L, 2L, 3L);
    assertThat(repo().runRow(job.runId()).orElseThrow().params()).containsEntry("lr", "0.01");
    assertThat(repo().log(job.runId(), 0, 1000)).extracting(RunLogLine::text).contains("to-stderr");
    assertThat(repo().artifacts(job.runId()))
        .extracting(RunArtifact::path)
        .as("links are never followed out of the output folder")
        .containsExactly("result.txt");
  }

  @Test
  void aJobOutlivesTheAppAndIsStoredExactlyOnceAfterReattach() throws Exception {
    Files.createDirectories(dir.resolve("work"));
    String script =
        "for i in $(seq 1 40); do echo \"##flightdeck metric m $i $i\"; echo line$i; sleep 0.05; done";
    JobRecord job =
        jobs.submitCommand(
            new CommandRequest(
                List.of("bash", "-c", script), dir.resolve("work"), Map.of(), "", "", "long"));
    // wait until some events are stored, then drop the session as a crashed app would
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (repo().metricHistory(job.runId(), "m").size() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    jobs.close();
    assertThat(repo().job(job.jobId()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    Thread.sleep(2500); // the job finishes while no app is attached
    jobs = manager();
    jobs.reattach();
    JobRecord done = jobs.awaitEnd(job.jobId(), Duration.ofMinutes(1));
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    List<Metric> m = repo().metricHistory(job.runId(), "m");
    assertThat(m)
        .extracting(Metric::step)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
    List<String> lines =
        repo().log(job.runId(), 0, 1000).stream()
            .map(RunLogLine::text)
            .filter(t -> t.startsWith("line"))
            .toList();
    assertThat(lines).hasSize(40).doesNotHaveDuplicates();
    assertThat(repo().run(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
  }

  @Test
  void cancelKillsTheJob() throws Exception {
    Files.createDirectories(dir.resolve("work"));
    JobRecord job =
        jobs.submitCommand(
            new CommandRequest(
                List.of("bash", "-c", "echo started; sleep 60"),
                dir.resolve("work"),
                Map.of(),
                "",
                "",
                ""));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (repo().log(job.runId(), 0, 10).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    jobs.cancel(job.jobId());
    JobRecord done = jobs.awaitEnd(job.jobId(), Duration.ofSeconds(30));
    assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    assertThat(repo().run(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.KILLED);
  }
}
