package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.views.runs.RunsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** MLflow's mlruns/ folder from the Runs section: export an experiment, import it elsewhere. */
@ExtendWith(ApplicationExtension.class)
class MlflowFlowTest {
  @TempDir static Path tmp;
  private WindowFixture fx;

  @Start
  void start(Stage stage) throws Exception {
    fx = new WindowFixture(stage, tmp);
  }

  @AfterEach
  void tearDown() {
    fx.shutdown();
  }

  @Test
  void exportsAnExperimentAndImportsItBack(FxRobot robot) throws Exception {
    fx.waitForWorkspace();
    Workspace ws = fx.window.shell().workspace().orElseThrow();
    TrackingService t = ws.tracking();
    Experiment exp = t.createExperiment("sweep");
    RunInfo run = t.startRun(exp.id(), "a", "local", "test", null);
    t.logBatch(
        new RunBatch(
            run.runId(),
            List.of(new Metric("loss", 0.5, 1000, 1), new Metric("loss", Double.NaN, 2000, 2)),
            List.of(new Param("lr", "0.1")),
            List.of()));
    t.endRun(run.runId(), RunStatus.FINISHED);
    robot.interact(() -> fx.window.runs().orElseThrow().refresh());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    RunsView view =
        (RunsView) robot.lookup("#runs-view").query().getProperties().get(RunsView.class);
    waitUntil(() -> view.rows().size() == 1);
    robot.interact(
        () ->
            view.experimentsList().getItems().stream()
                .filter(i -> "sweep".equals(i.name()))
                .findFirst()
                .ifPresent(i -> view.experimentsList().getSelectionModel().select(i)));

    Path mlruns = Files.createDirectories(tmp.resolve("mlruns"));
    fx.files.answer(mlruns);
    robot.interact(() -> view.mlflowExportItem().fire());
    waitUntil(() -> Files.exists(mlruns.resolve(exp.id() + "/" + run.runId() + "/metrics/loss")));
    assertThat(Files.readString(mlruns.resolve(exp.id() + "/" + run.runId() + "/metrics/loss")))
        .isEqualTo("1000 0.5 1\n2000 nan 2\n");

    fx.files.answer(mlruns);
    robot.interact(() -> view.mlflowImportItem().fire());
    waitUntil(() -> String.valueOf(fx.window.view().lastNotification()).contains("skipped 1"));
    try (Stream<Path> files = Files.walk(mlruns)) {
      assertThat(files.filter(p -> p.endsWith("meta.yaml")).count()).isEqualTo(2);
    }
    assertThat(fx.errors.shown).isEmpty();
  }
}
