package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.controllers.jobs.JobsController;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.store.LocalWorkspace;
import io.flightdeck.views.jobs.JobRow;
import io.flightdeck.views.jobs.JobsView;
import io.flightdeck.views.jobs.TrainDialogView;
import io.flightdeck.views.runs.RunsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * Training and command jobs from the window, against the real local agent: live chart and log, a
 * refused request shown in the dialog, cancel, and re-attaching to a job that outlived the app.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingFlowTest {
  @TempDir static Path tmp;
  private WindowFixture fx;

  @Start
  void start(Stage stage) throws Exception {
    Path ws = Files.createTempDirectory(tmp, "ws");
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "tester")) {
      w.datasets().loadSample(ImportProgress.NONE);
    }
    fx = new WindowFixture(stage, ws, true);
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
  void trainsOnTheSampleWithLiveChartAndShowsTheRun(FxRobot robot) throws Exception {
    openJobs(robot);
    JobsView view = jobsView(robot);

    // a refused request comes back in the dialog, with nothing created
    TrainDialogView bad = openTrainDialog(robot);
    robot.interact(
        () -> {
          bad.target().setValue("date");
          bad.confirm();
        });
    JobsController jobs = fx.window.jobs().orElseThrow();
    waitUntil(() -> jobs.lastDialog() != bad);
    TrainDialogView again = jobs.lastDialog();
    waitUntil(() -> !robot.lookup("#train-problem").queryLabeled().getText().isEmpty());
    assertThat(robot.lookup("#train-problem").queryLabeled().getText())
        .contains("'date'")
        .contains("class label");
    TrackingRepository repo = workspace().tracking().repository();
    assertThat(repo.runRows(null)).isEmpty();

    robot.interact(
        () -> {
          again.target().setValue("weather");
          again.param("epochs").setText("6");
        });
    fx.screenshot(robot, "train-dialog");
    robot.interact(again::confirm);
    waitUntil(() -> !view.rows().isEmpty());
    waitUntilLong(() -> row(view, "SUCCEEDED") != null);
    JobRow done = row(view, "SUCCEEDED");
    robot.interact(() -> view.table().getSelectionModel().select(done));
    waitUntil(() -> !view.chart().series().isEmpty() && !view.log().getText().isEmpty());
    waitUntil(() -> view.stateLabel().getText().startsWith("SUCCEEDED"));
    fx.screenshot(robot, "jobs-training-done");

    RunRow run = repo.runRow(done.runId()).orElseThrow();
    assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
    assertThat(repo.metricHistory(done.runId(), "train/loss")).hasSize(6);
    assertThat(run.metrics().get("onnx/max_abs_diff").last()).isLessThan(1e-4);
    assertThat(repo.artifacts(done.runId()))
        .extracting(RunArtifact::path)
        .contains("model/model.onnx", "model/model.json");

    robot.clickOn("#jobs-open-run");
    waitUntil(() -> "runs".equals(fx.window.view().selectedSectionProperty().get()));
    RunsView runs =
        (RunsView) robot.lookup("#runs-view").query().getProperties().get(RunsView.class);
    waitUntil(() -> runs.rows().stream().anyMatch(r -> r.runId().equals(done.runId())));
    fx.screenshot(robot, "runs-after-training");
    assertThat(fx.errors.shown).isEmpty();
  }

  @Test
  void cancelKillsACommandJob(FxRobot robot) throws Exception {
    openJobs(robot);
    JobsView view = jobsView(robot);
    JobsController jobs = fx.window.jobs().orElseThrow();
    robot.clickOn("#jobs-run-command");
    waitUntil(() -> jobs.lastDialog() != null);
    TrainDialogView d = jobs.lastDialog();
    robot.interact(
        () -> {
          d.commandLineField().setText("bash -c 'echo started; sleep 120'");
          d.confirm();
        });
    waitUntil(() -> row(view, "RUNNING") != null);
    robot.interact(() -> view.table().getSelectionModel().select(row(view, "RUNNING")));
    waitUntil(() -> view.log().getText().contains("started"));
    robot.clickOn("#jobs-cancel");
    waitUntilLong(() -> row(view, "CANCELLED") != null);
    assertThat(
            workspace()
                .tracking()
                .repository()
                .run(row(view, "CANCELLED").runId())
                .orElseThrow()
                .status())
        .isEqualTo(RunStatus.KILLED);
  }

  private static void waitUntilLong(java.util.function.BooleanSupplier c) throws Exception {
    org.testfx.util.WaitForAsyncUtils.waitFor(
        120, java.util.concurrent.TimeUnit.SECONDS, c::getAsBoolean);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }
}
