package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.tracking.Experiment;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.NewRun;
import io.flightdeck.core.tracking.Param;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.RunLogLine;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.core.tracking.Tag;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.views.runs.CompareRow;
import io.flightdeck.views.runs.RunsView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The runs section end to end: table, filter, compare, detail, notes, export, groups, 10k runs. */
@ExtendWith(ApplicationExtension.class)
class RunsFlowTest {
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

  private static RunsView runsView(FxRobot robot) {
    Node n = robot.lookup("#runs-view").query();
    return (RunsView) n.getProperties().get(RunsView.class);
  }

  private Workspace workspace() throws Exception {
    fx.waitForWorkspace();
    return fx.window.shell().workspace().orElseThrow();
  }

  /** Two experiments, six runs: lr x seed sweeps with loss curves (one with a NaN) and auc. */
  private List<String> seed(Workspace ws) throws Exception {
    TrackingService t = ws.tracking();
    Experiment mnist = t.createExperiment("mnist");
    Experiment cifar = t.createExperiment("cifar");
    List<String> ids = new ArrayList<>();
    int n = 0;
    for (Experiment e : List.of(mnist, mnist, mnist, mnist, cifar, cifar)) {
      String lr = n % 2 == 0 ? "0.01" : "0.1";
      String seed = String.valueOf(n / 2 + 1);
      RunInfo run = t.startRun(e.id(), e.name() + "-" + n, "local", "builtin:logistic", null);
      List<Metric> metrics = new ArrayList<>();
      for (int step = 0; step < 200; step++) {
        double loss = (n % 2 == 0 ? 1.0 : 1.4) * Math.exp(-step / 60.0) + 0.05 * Math.sin(step + n);
        metrics.add(
            new Metric("loss", n == 1 && step == 10 ? Double.NaN : loss, 1000L * step, step));
      }
      metrics.add(new Metric("auc", 0.7 + 0.05 * n, 200_000, 199));
      t.logBatch(
          new RunBatch(
              run.runId(),
              metrics,
              List.of(new Param("lr", lr), new Param("epochs", "20"), new Param("seed", seed)),
              List.of(new Tag("team", n < 3 ? "vision" : "core"))));
      if (n != 5) {
        t.endRun(run.runId(), n == 3 ? RunStatus.FAILED : RunStatus.FINISHED);
      }
      ids.add(run.runId());
      n++;
    }
    String sha =
        ws.artifacts().put(new ByteArrayInputStream("weights".getBytes(StandardCharsets.UTF_8)));
    t.repository().addArtifact(ids.get(0), new RunArtifact("model/weights.txt", sha, 7));
    t.repository().addInput(ids.get(0), new RunInput("weather-2012", 1, sha, "training"));
    t.repository()
        .appendLog(
            ids.get(0),
            List.of(
                new RunLogLine(1, 1000, "stdout", "epoch 1 loss 0.9"),
                new RunLogLine(2, 2000, "stderr", "warning: slow disk")));
    return ids;
  }

  private void openRuns(FxRobot robot) throws Exception {
    robot.interact(() -> fx.window.runs().orElseThrow().refresh());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    waitUntil(() -> "runs".equals(fx.window.view().selectedSectionProperty().get()));
  }

  @Test
  void filtersComparesEditsNotesExportsAndGroups(FxRobot robot) throws Exception {
    Workspace ws = workspace();
    List<String> ids = seed(ws);
    openRuns(robot);
    RunsView view = runsView(robot);
    waitUntil(() -> view.rows().size() == 6);
    assertThat(view.experiments()).extracting(e -> e.toString()).contains("mnist (4)", "cifar (2)");

    robot.clickOn("#runs-filter").write("metrics.auc > 0.8 and params.lr = '0.1'");
    waitUntil(() -> view.rows().size() == 2);
    assertThat(view.rows()).extracting(r -> r.params().get("lr")).containsOnly("0.1");
    robot.interact(() -> view.filterTextProperty().set(""));
    robot.clickOn("#runs-filter").write("metrics.auc >> 0.9");
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    waitUntil(() -> !view.filterError().isEmpty());
    assertThat(robot.lookup("#runs-filter-error").query().isVisible()).isTrue();
    assertThat(view.filterError()).contains("^").contains("column");
    assertThat(fx.errors.shown).isEmpty();
    fx.screenshot(robot, "runs-filter-error");
    robot.interact(() -> view.filterTextProperty().set(""));
    waitUntil(() -> view.rows().size() == 6 && view.filterError().isEmpty());

    robot.interact(() -> view.selectRuns(List.of(ids.get(0), ids.get(1))));
    robot.clickOn("#compare-runs");
    waitUntil(() -> view.compare().rows().size() == 3);
    waitUntil(() -> view.compare().chart().series().size() == 2);
    robot.clickOn("#differences-only");
    assertThat(view.compare().shownRows()).extracting(CompareRow::key).containsExactly("lr");
    fx.screenshot(robot, "runs-compare");

    robot.interact(() -> view.selectRun(ids.get(0)));
    waitUntil(() -> view.detail().info().stream().anyMatch(r -> r.value().equals(ids.get(0))));
    assertThat(view.detail().params()).hasSize(3);
    assertThat(view.detail().inputs()).hasSize(1);
    assertThat(view.detail().logProperty().get()).contains("[stderr] warning: slow disk");
    robot.interact(() -> view.showTab("tab-run-charts"));
    waitUntil(() -> !view.detail().chart().series().isEmpty());
    robot.interact(() -> view.detail().chart().smoothingProperty().set(0.8));
    robot.interact(() -> view.detail().chart().hoverAt(300, 80));
    assertThat(view.detail().chart().hoverTextProperty().get()).contains("loss:");
    fx.screenshot(robot, "runs-detail-charts");

    robot.interact(() -> view.showTab("tab-run-notes"));
    robot.clickOn("#run-notes").write("Best so far");
    robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    waitUntil(() -> ws.tracking().repository().note(ids.get(0)).equals("Best so far"));
    waitUntil(() -> view.detail().savedNotesProperty().get().equals("Best so far"));

    robot.interact(() -> view.showTab("tab-run-artifacts"));
    robot.interact(() -> view.detail().selectArtifact("model/weights.txt"));
    Path saved = tmp.resolve("weights-copy.txt");
    fx.files.answer(saved);
    fx.screenshot(robot, "runs-artifacts");
    robot.clickOn("#save-artifact");
    waitUntil(() -> Files.exists(saved) || !fx.errors.shown.isEmpty());
    assertThat(fx.errors.shown)
        .extracting(a -> a.getHeaderText() + " | " + a.getContentText())
        .isEmpty();
    assertThat(Files.readString(saved)).isEqualTo("weights");

    Path csv = tmp.resolve("runs.csv");
    fx.files.answer(csv);
    robot.clickOn("#export-runs");
    waitUntil(() -> Files.exists(csv));
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).startsWith("run_id,Run,Status").contains("auc").contains("params.lr");
    assertThat(String.join("\n", lines)).contains(ids.get(3)).contains("FAILED");

    robot.interact(() -> view.groupByProperty().set("params.lr"));
    robot.interact(() -> view.showTab("tab-groups"));
    waitUntil(() -> view.groups().chart().series().size() == 2);
    assertThat(view.groups().summaryProperty().get()).startsWith("2 groups by params.lr");
    assertThat(view.groups().chart().series().get(0).lo()).isNotNull();
    fx.screenshot(robot, "runs-groups");
    assertThat(fx.errors.shown)
        .extracting(a -> a.getHeaderText() + " | " + a.getContentText())
        .isEmpty();
  }

  @Test
  void tenThousandRunsLoadAndScroll(FxRobot robot) throws Exception {
    Workspace ws = workspace();
    var repo = ws.tracking().repository();
    Experiment e = ws.tracking().createExperiment("sweep");
    List<RunBatch> batches = new ArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 10_000; i++) {
      RunInfo r =
          repo.createRun(
              new NewRun(
                  null, e.id(), "run-" + i, t0.plusSeconds(i), "ci", "local", "sweep", "", null));
      batches.add(
          new RunBatch(
              r.runId(),
              List.of(
                  new Metric("acc", (i % 1000) / 1000.0, 0, 1),
                  new Metric("loss", 1.0 / (i + 1), 0, 1)),
              List.of(
                  new Param("lr", String.valueOf(0.001 * (i % 10))),
                  new Param("batch", String.valueOf(32 << (i % 3)))),
              List.of()));
      if (batches.size() == 1000) {
        repo.logBatches(batches);
        batches.clear();
      }
    }
    openRuns(robot);
    RunsView view = runsView(robot);
    waitUntil(() -> view.rows().size() == 10_000);
    robot.interact(() -> view.scrollTo(5_000));
    robot.interact(() -> view.scrollTo(9_999));
    robot.clickOn("#runs-filter").write("metrics.acc >= 0.99");
    waitUntil(() -> view.rows().size() == 100);
    robot.interact(() -> view.filterTextProperty().set(""));
    waitUntil(() -> view.rows().size() == 10_000);
    robot.interact(() -> view.scrollTo(2_500));
    fx.screenshot(robot, "runs-10k");
    assertThat(fx.errors.shown).isEmpty();
  }
}
