package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.controllers.jobs.JobsController;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.store.LocalWorkspace;
import io.flightdeck.views.jobs.JobRow;
import io.flightdeck.views.jobs.JobsView;
import io.flightdeck.views.jobs.TrainDialogView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A job that outlived the app that started it: the window re-attaches on start and stores the rest
 * of its events exactly once.
 */
@ExtendWith(ApplicationExtension.class)
class JobReattachFlowTest {
  @TempDir static Path tmp;
  private WindowFixture fx;
  private String liveJob;

  @Start
  void start(Stage stage) throws Exception {
    Path ws = Files.createTempDirectory(tmp, "ws");
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "tester")) {
      w.datasets().loadSample(ImportProgress.NONE);
      liveJob = startJobAndLeave(w);
    }
    fx = new WindowFixture(stage, ws, true);
  }

  /** Starts a job, waits for its first events, then drops it as a crashed app would. */
  private String startJobAndLeave(LocalWorkspace w) throws Exception {
    Files.createDirectories(tmp.resolve("work"));
    String script =
        "for i in $(seq 1 30); do echo \"##flightdeck metric m $i $i\"; echo line$i; sleep 0.1; done";
    try (JobService jobs = LocalJobs.open(w, Clock.systemUTC())) {
      JobRecord job =
          jobs.submitCommand(
              new CommandRequest(
                  List.of("bash", "-c", script), tmp.resolve("work"), Map.of(), "", "", "left"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (w.tracking().repository().metricHistory(job.runId(), "m").size() < 3
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      return job.jobId();
    }
  }

  @AfterEach
  void tearDown() {
    fx.shutdown();
  }

  private Workspace workspace() throws Exception {
    fx.waitForWorkspace();
    return fx.window.shell().workspace().orElseThrow();
  }

  private JobsView jobsView(FxRobot robot) {
    return robot.lookup("#jobs-view").queryAs(JobsView.class);
  }

  private void openJobs(FxRobot robot) throws Exception {
    workspace();
    waitUntil(() -> fx.window.jobs().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    waitUntil(() -> "jobs".equals(fx.window.view().selectedSectionProperty().get()));
  }

  private TrainDialogView openTrainDialog(FxRobot robot) throws Exception {
    JobsController jobs = fx.window.jobs().orElseThrow();
    TrainDialogView before = jobs.lastDialog();
    robot.clickOn("#jobs-train");
    waitUntil(() -> jobs.lastDialog() != null && jobs.lastDialog() != before);
    TrainDialogView d = jobs.lastDialog();
    waitUntil(() -> !d.dataset().getItems().isEmpty());
    robot.interact(() -> d.dataset().setValue("seattle-weather:1"));
    waitUntil(() -> d.target().getItems().contains("weather"));
    return d;
  }

  private static JobRow row(JobsView v, String state) {
    return WindowFixture.onFx(
        () -> v.rows().stream().filter(r -> r.state().equals(state)).findFirst().orElse(null));
  }

  @Test
  void reattachesToAJobThatOutlivedTheApp(FxRobot robot) throws Exception {
    openJobs(robot);
    JobsView view = jobsView(robot);
    waitUntilLong(() -> row(view, "SUCCEEDED") != null);
    TrackingRepository repo = workspace().tracking().repository();
    JobRecord job = repo.job(liveJob).orElseThrow();
    assertThat(repo.metricHistory(job.runId(), "m"))
        .extracting(Metric::step)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(
            repo.log(job.runId(), 0, 1000).stream()
                .map(RunLogLine::text)
                .filter(t -> t.startsWith("line")))
        .hasSize(30)
        .doesNotHaveDuplicates();
    assertThat(repo.run(job.runId()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
  }

  private static void waitUntilLong(java.util.function.BooleanSupplier c) throws Exception {
    org.testfx.util.WaitForAsyncUtils.waitFor(
        120, java.util.concurrent.TimeUnit.SECONDS, c::getAsBoolean);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }
}
