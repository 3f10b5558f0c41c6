package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.controllers.jobs.JobsController;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.store.LocalWorkspace;
import io.flightdeck.views.jobs.JobsView;
import io.flightdeck.views.jobs.SweepChoices.SweepParam;
import io.flightdeck.views.jobs.SweepDialogView;
import io.flightdeck.views.runs.RunsView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A grid sweep from the window on this machine: the dialog previews the plan (and shows a bad
 * random space inline with Start disabled), the trials run as jobs, every run is tagged with the
 * sweep's name, and the end notification opens Runs grouped by the sweep.
 */
@ExtendWith(ApplicationExtension.class)
class SweepFlowTest {
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

  @Test
  void gridSweepOnLocalTagsItsRunsAndOpensThemGrouped(FxRobot robot) throws Exception {
    fx.waitForWorkspace();
    waitUntil(() -> fx.window.jobs().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    waitUntil(() -> "jobs".equals(fx.window.view().selectedSectionProperty().get()));
    JobsController jobs = fx.window.jobs().orElseThrow();

    robot.clickOn("#jobs-sweep");
    waitUntil(() -> jobs.lastSweepDialog() != null);
    SweepDialogView d = jobs.lastSweepDialog();
    waitUntil(() -> !d.data().dataset().getItems().isEmpty() && d.host("local") != null);
    assertThat(d.nameField().getText()).startsWith("sweep-");
    robot.interact(() -> d.data().dataset().setValue("seattle-weather:1"));
    waitUntil(() -> d.data().target().getItems().contains("weather"));
    robot.interact(() -> d.data().target().setValue("weather"));

    // a bad random space is shown inline and Start stays disabled
    robot.interact(
        () -> {
          d.setRandom(true);
          d.setParams(List.of(new SweepParam("learningRate", "lo..hi")));
        });
    assertThat(d.previewText()).contains("'lo..hi'").contains("not a range");
    assertThat(d.startButton().isDisabled()).isTrue();
    screenshot(robot, d, "sweep-dialog-invalid");

    robot.interact(
        () -> {
          d.setRandom(false);
          d.setParams(List.of(new SweepParam("epochs", "2,3")));
          d.nameField().setText("ui-sweep");
        });
    assertThat(d.host("local").isSelected()).isTrue();
    assertThat(d.previewText()).isEqualTo("2 trials over 1 host (local 2 at once)");
    assertThat(d.startButton().isDisabled()).isFalse();
    screenshot(robot, d, "sweep-dialog");

    robot.interact(d::confirm);
    TrackingRepository repo = fx.window.shell().workspace().orElseThrow().tracking().repository();
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () ->
            sweepRuns(repo).size() == 2
                && sweepRuns(repo).stream().allMatch(r -> r.info().status() == RunStatus.FINISHED));
    assertThat(sweepRuns(repo))
        .extracting(r -> r.params().get("epochs"))
        .containsExactlyInAnyOrder("2", "3");
    JobsView jobsView = robot.lookup("#jobs-view").queryAs(JobsView.class);
    waitUntil(() -> WindowFixture.onFx(() -> jobsView.rows().size()) == 2);

    waitUntil(() -> fx.window.view().lastNotification().equals("Sweep ui-sweep: 2 of 2 succeeded"));
    robot.interact(() -> fx.window.view().takeNotificationAction());
    waitUntil(() -> "runs".equals(fx.window.view().selectedSectionProperty().get()));
    RunsView runs =
        (RunsView) robot.lookup("#runs-view").query().getProperties().get(RunsView.class);
    waitUntil(() -> "tags.flightdeck.sweep".equals(runs.groupByProperty().get()));
    assertThat(runs.shownTab()).isEqualTo("tab-groups");
    assertThat(fx.errors.shown).isEmpty();
  }

  private static List<RunRow> sweepRuns(TrackingRepository repo) {
    return repo.runRows(null).stream()
        .filter(r -> "ui-sweep".equals(r.tags().get("flightdeck.sweep")))
        .toList();
  }

  /** Writes a PNG of the dialog to ui-tests/target/screenshots/NAME.png. */
  private static void screenshot(FxRobot robot, SweepDialogView d, String name) throws Exception {
    Path out = Path.of("target/screenshots").resolve(name + ".png");
    Files.createDirectories(out.getParent());
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> image[0] = d.pane().getScene().snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", new File(out.toString()));
  }
}
