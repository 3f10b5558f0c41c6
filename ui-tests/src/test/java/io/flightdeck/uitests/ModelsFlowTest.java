package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.agent.onnx.OnnxScorerFactory;
import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.controllers.models.ModelsController;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.jobs.TrainRequest;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.eval.EvalOptions;
import io.flightdeck.core.registry.eval.ModelEvaluator;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.runners.models.ChildProcessModelInspector;
import io.flightdeck.store.LocalWorkspace;
import io.flightdeck.views.common.ReasonDialogView;
import io.flightdeck.views.models.AliasRow;
import io.flightdeck.views.models.ApproveDialogView;
import io.flightdeck.views.models.EvaluateDialogView;
import io.flightdeck.views.models.LineageNode;
import io.flightdeck.views.models.ModelsView;
import io.flightdeck.views.models.PromoteDialogView;
import io.flightdeck.views.models.ProtectDialogView;
import io.flightdeck.views.models.RegisterDialogView;
import io.flightdeck.views.models.VerifyResultView;
import io.flightdeck.views.runs.RunsView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
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
 * The Models section on a registry seeded with two real Tribuo ONNX models trained on the sample:
 * versions table, evaluate, promote with a reason and evidence, compare, history, one-click roll
 * back, lineage and Verify Registry.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsFlowTest {
  @TempDir static Path tmp;
  private WindowFixture fx;

  @Start
  void start(Stage stage) throws Exception {
    Path ws = Files.createTempDirectory(tmp, "ws");
    try (LocalWorkspace w =
        LocalWorkspace.open(
            ws, Clock.systemUTC(), () -> "tester", ChildProcessModelInspector.fromCurrentJvm())) {
      w.datasets().loadSample(ImportProgress.NONE);
      DatasetRef sample = new DatasetRef(SampleData.DATASET, 1);
      try (JobService jobs = LocalJobs.open(w, Clock.systemUTC())) {
        for (String epochs : List.of("3", "8")) {
          JobRecord job =
              jobs.submitTraining(
                  new TrainRequest(
                      sample,
                      "weather",
                      List.of(),
                      "logistic",
                      Map.of("epochs", epochs),
                      "weather",
                      "epochs-" + epochs));
          JobRecord done = jobs.awaitEnd(job.jobId(), Duration.ofMinutes(3));
          assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
          w.registry().registerRun(done.runId(), "model/model.onnx", "weather");
        }
        JobRecord job =
            jobs.submitTraining(
                new TrainRequest(
                    sample, "temp_max", List.of(), "linear", Map.of("epochs", "5"), "temp", ""));
        JobRecord done = jobs.awaitEnd(job.jobId(), Duration.ofMinutes(3));
        assertThat(done.state()).as(done.message()).isEqualTo(JobState.SUCCEEDED);
        w.registry().registerRun(done.runId(), "model/model.onnx", "temp-max");
      }
      new ModelEvaluator(
              w.registry(),
              w.datasets(),
              new OnnxScorerFactory(true),
              Clock.systemUTC(),
              () -> "tester")
          .evaluate(
              "weather",
              1,
              sample,
              new EvalOptions("weather", Map.of(), null, 2, 42),
              ImportProgress.NONE);
    }
    fx = new WindowFixture(stage, ws, true);
  }

  @AfterEach
  void tearDown() {
    fx.shutdown();
  }

  private ModelsController controller() {
    return fx.window.models().orElseThrow();
  }

  private <T> T dialog(Class<T> type, Object before) throws Exception {
    waitUntil(
        () -> type.isInstance(controller().lastDialog()) && controller().lastDialog() != before);
    return type.cast(controller().lastDialog());
  }

  @Test
  void promotesComparesRollsBackAndVerifies(FxRobot robot) throws Exception {
    fx.waitForWorkspace();
    waitUntil(() -> fx.window.models().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
    waitUntil(() -> "models".equals(fx.window.view().selectedSectionProperty().get()));
    ModelsView view = robot.lookup("#models-view").queryAs(ModelsView.class);
    waitUntil(() -> view.models().size() == 2);
    assertThat(view.models()).containsExactly("temp-max", "weather");
    robot.interact(() -> view.modelsList().getSelectionModel().select("weather"));
    waitUntil(() -> view.versions().size() == 2 && view.selectedVersionProperty().get() != null);
    assertThat(view.versions().get(0).task()).isEqualTo("classification");
    assertThat(view.versions().get(0).source()).startsWith("run ");
    assertThat(view.versions().get(1).sha256()).hasSize(12);
    waitUntil(() -> !view.overview().signatureRows().isEmpty());
    assertThat(view.overview().factsText()).contains("weather:2").contains("opset");
    shot(robot, "models-overview");

    // evaluate v2 from the dialog
    robot.clickOn("#models-evaluate");
    EvaluateDialogView eval = dialog(EvaluateDialogView.class, null);
    waitUntil(() -> eval.target().getValue() != null || !eval.target().getItems().isEmpty());
    robot.interact(
        () -> {
          eval.dataset().setValue("seattle-weather:1");
          eval.target().setValue("weather");
          eval.repeats().setText("2");
        });
    waitUntil(eval::okEnabled);
    robot.interact(eval::confirm);
    waitUntilLong(
        () ->
            !view.evaluations().evaluations().isEmpty()
                && view.evaluations().rocPlot().series().size() > 0);
    assertThat(view.evaluations().metricRows()).extracting(r -> r.metric()).contains("accuracy");
    shot(robot, "models-evaluation");

    // champion vs challenger on the same dataset
    robot.interact(() -> view.evaluations().compareWith().setValue("v1"));
    robot.clickOn("#eval-compare");
    waitUntil(() -> view.evaluations().comparing() && !view.evaluations().comparedRows().isEmpty());
    assertThat(view.evaluations().comparedRoc().series()).hasSize(2);
    shot(robot, "models-compare");

    // v1 becomes champion, then v2 is promoted with a reason and its evaluation as evidence
    robot.interact(() -> view.selectVersion(1));
    promote(robot, view, 1, "first model that passed review");
    robot.interact(() -> view.selectVersion(2));
    Object before = controller().lastDialog();
    robot.clickOn("#models-promote");
    PromoteDialogView p = dialog(PromoteDialogView.class, before);
    waitUntil(() -> p.changeText().contains("v1 → v2"));
    assertThat(p.protectionText()).contains("Not protected");
    robot.interact(() -> p.alias().getEditor().setText("v2"));
    waitUntil(() -> !p.aliasError().isEmpty());
    assertThat(p.aliasError()).contains("reserved");
    assertThat(p.okEnabled()).isFalse();
    robot.interact(() -> p.alias().getEditor().setText("champion"));
    waitUntil(() -> p.aliasError().isEmpty() && p.changeText().contains("v1 → v2"));
    assertThat(p.okEnabled()).isFalse();
    robot.interact(() -> p.reason().setText("v2 has the higher accuracy on seattle-weather:1"));
    snapshot(robot, p.reason().getScene().getRoot(), "models-promote-dialog");
    assertThat(p.evidence()).startsWith("evaluation:");
    robot.interact(p::confirm);
    waitUntil(() -> history("champion").size() == 2);
    AliasMove promoted = history("champion").get(1);
    assertThat(promoted.fromVersion()).isEqualTo(1);
    assertThat(promoted.toVersion()).isEqualTo(2);
    assertThat(promoted.evidence()).startsWith("evaluation:");
    waitUntil(() -> view.aliases().history().size() == 2);
    robot.interact(() -> view.showTab("tab-model-aliases"));
    waitUntil(() -> view.aliases().current().stream().anyMatch(a -> a.version() == 2));

    // one-click roll back on the selected alias
    robot.interact(() -> view.aliases().currentTable().getSelectionModel().select(0));
    AliasRow champion = view.aliases().currentTable().getSelectionModel().getSelectedItem();
    assertThat(champion.previous()).isEqualTo("v1");
    before = controller().lastDialog();
    robot.clickOn("#alias-rollback");
    ReasonDialogView confirm = dialog(ReasonDialogView.class, before);
    robot.interact(() -> confirm.confirmWith("v2 misclassifies drizzle in production"));
    waitUntil(
        () ->
            view.aliases().history().size() == 3
                && view.aliases().current().stream().anyMatch(a -> a.version() == 1));
    assertThat(view.aliases().history().get(0).rollback()).isEqualTo("yes");
    assertThat(view.aliases().history().get(0).change()).isEqualTo("v2 → v1");
    shot(robot, "models-aliases-history");

    // lineage: dataset -> runs -> versions -> champion
    robot.interact(() -> view.showTab("tab-model-lineage"));
    waitUntil(() -> view.lineage().nodes().size() >= 6);
    assertThat(view.lineage().nodes())
        .extracting(LineageNode::kind)
        .contains(
            LineageNode.Kind.DATASET,
            LineageNode.Kind.RUN,
            LineageNode.Kind.VERSION,
            LineageNode.Kind.ALIAS);
    robot.interact(() -> view.lineage().select("dataset:seattle-weather:1"));
    assertThat(view.lineage().highlighted()).contains("version:weather:1", "version:weather:2");
    shot(robot, "models-lineage");

    // verify registry
    before = controller().lastDialog();
    robot.clickOn("#models-verify");
    VerifyResultView verify = dialog(VerifyResultView.class, before);
    assertThat(verify.headline()).isEqualTo("3 artifacts, 100 % consistent");
    snapshot(robot, verify.pane(), "models-verify");
    robot.interact(verify::close);

    // which version held champion just now: v1 again, after the rollback
    String now =
        java.time.LocalDateTime.now()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    robot.interact(
        () -> {
          view.showTab("tab-model-aliases");
          view.aliases().holderAlias().setValue("champion");
          view.aliases().holderTime().setText(now);
          view.aliases().holderAtButton().fire();
        });
    waitUntil(() -> view.aliases().holderAnswer().getText().contains("held by v1"));

    // v2 exported as an MLflow model, then deleted with a reason: greyed, its number kept
    Path exported = Files.createTempDirectory(tmp, "mlflow");
    fx.files.answer(exported);
    robot.interact(
        () -> {
          view.selectVersion(2);
          view.toolbar().exportItem().fire();
        });
    waitUntil(() -> Files.exists(exported.resolve("weather-v2").resolve("MLmodel")));
    before = controller().lastDialog();
    robot.clickOn("#models-delete");
    ReasonDialogView delete = dialog(ReasonDialogView.class, before);
    robot.interact(() -> delete.confirmWith("superseded by v1"));
    waitUntil(() -> view.versions().size() == 2 && view.versions().get(1).deleted());

    // batch scoring: the sample with the champion, as a new dataset version that names both
    robot.interact(() -> view.selectVersion(1));
    javafx.scene.control.MenuButton score = view.toolbar().scoreMenu();
    waitUntil(
        () ->
            !score.isDisabled()
                && score.getItems().stream()
                    .anyMatch(i -> "seattle-weather:1".equals(i.getText())));
    robot.interact(
        () ->
            score.getItems().stream()
                .filter(i -> "seattle-weather:1".equals(i.getText()))
                .findFirst()
                .orElseThrow()
                .fire());
    var datasets = fx.window.shell().workspace().orElseThrow().datasets();
    waitUntilLong(
        () ->
            datasets.list().stream().anyMatch(d -> d.name().startsWith("seattle-weather-scored")));
    var scored =
        datasets.list().stream()
            .filter(d -> d.name().startsWith("seattle-weather-scored"))
            .findFirst()
            .orElseThrow()
            .latest();
    assertThat(scored.column("prediction")).isPresent();
    assertThat(scored.lineage().sourcePath()).contains("weather:1").contains("seattle-weather:1");

    // the audit trail shows every step, and its chain is intact
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitUntil(() -> "audit".equals(fx.window.view().selectedSectionProperty().get()));
    robot.clickOn("#refresh-audit");
    @SuppressWarnings("unchecked")
    javafx.scene.control.TableView<io.flightdeck.views.audit.AuditRow> audit =
        robot.lookup("#audit-table").queryAs(javafx.scene.control.TableView.class);
    waitUntil(
        () -> audit.getItems().stream().anyMatch(r -> r.action().equals("model.alias.rollback")));
    assertThat(audit.getItems())
        .extracting(io.flightdeck.views.audit.AuditRow::action)
        .contains(
            "model.registered",
            "model.evaluated",
            "model.alias.moved",
            "model.alias.rollback",
            "model.version.deleted");
    assertThat(fx.window.shell().workspace().orElseThrow().audit().verify().valid()).isTrue();
    shot(robot, "models-audit-trail");
    assertThat(fx.errors.shown).isEmpty();
  }

  @Test
  void registersFromARunAndRefusesAPickle(FxRobot robot) throws Exception {
    fx.waitForWorkspace();
    waitUntil(() -> fx.window.models().isPresent() && fx.window.runs().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
    ModelsView view = robot.lookup("#models-view").queryAs(ModelsView.class);
    waitUntil(() -> view.models().size() == 2);
    robot.interact(() -> view.modelsList().getSelectionModel().select("weather"));
    waitUntil(() -> view.versions().size() == 2);

    // a pickle renamed .onnx: refused, and the dialog comes back with the reason
    Path pickle = Files.createTempDirectory(tmp, "bad").resolve("evil.onnx");
    Files.write(pickle, new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, '.'});
    fx.files.answer(pickle);
    robot.clickOn("#models-register");
    RegisterDialogView first = dialog(RegisterDialogView.class, null);
    assertThat(first.name().getEditor().getText()).isEqualTo("weather");
    robot.interact(first::confirm);
    RegisterDialogView again = dialog(RegisterDialogView.class, first);
    waitUntil(() -> !again.problem().isEmpty());
    assertThat(again.problem()).containsIgnoringCase("pickle");
    snapshot(robot, again.name().getScene().getRoot(), "models-register-refused");
    robot.interact(again::cancel);
    assertThat(history("champion")).isEmpty();

    // Register Model… on a run's model/model.onnx artifact
    String runId = registry().version("weather", 1).runId();
    robot.interact(
        () -> {
          fx.window.view().selectSection("runs");
          fx.window.runs().orElseThrow().showRun(runId);
        });
    RunsView runs = fx.window.runsView();
    waitUntil(
        () ->
            runs.detail().artifacts().stream().anyMatch(a -> a.path().equals("model/model.onnx")));
    robot.interact(
        () -> {
          runs.showTab("tab-run-artifacts");
          runs.detail().selectArtifact("model/model.onnx");
        });
    Object before = controller().lastDialog();
    robot.clickOn("#register-artifact");
    RegisterDialogView fromRun = dialog(RegisterDialogView.class, before);
    waitUntil(() -> "models".equals(fx.window.view().selectedSectionProperty().get()));
    robot.interact(
        () -> {
          fromRun.name().getEditor().setText("weather");
          fromRun.description().setText("same run, registered again from the Runs section");
          fromRun.confirm();
        });
    waitUntil(
        () ->
            view.versions().size() == 3
                && view.selectedVersionProperty().get() != null
                && view.selectedVersionProperty().get().version() == 3);
    assertThat(registry().version("weather", 3).runId()).isEqualTo(runId);
    assertThat(fx.errors.shown).isEmpty();

    // one byte changed in v2's stored file: Verify Registry names it, Evaluate refuses it
    Path stored =
        fx.window
            .shell()
            .workspace()
            .orElseThrow()
            .artifacts()
            .pathOf(registry().version("weather", 2).sha256());
    assertThat(stored.toFile().setWritable(true)).isTrue();
    byte[] bytes = Files.readAllBytes(stored);
    bytes[bytes.length - 1] ^= 1;
    Files.write(stored, bytes);
    before = controller().lastDialog();
    robot.clickOn("#models-verify");
    VerifyResultView verify = dialog(VerifyResultView.class, before);
    assertThat(verify.headline()).isEqualTo("1 of 4 artifacts failed the check");
    assertThat(verify.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.version()).isEqualTo("v2"));
    snapshot(robot, verify.pane(), "models-verify-tampered");
    robot.interact(verify::close);
    robot.interact(() -> view.selectVersion(2));
    before = controller().lastDialog();
    robot.clickOn("#models-evaluate");
    EvaluateDialogView eval = dialog(EvaluateDialogView.class, before);
    waitUntil(() -> !eval.target().getItems().isEmpty());
    robot.interact(
        () -> {
          eval.dataset().setValue("seattle-weather:1");
          eval.target().setValue("weather");
          eval.confirm();
        });
    waitUntil(() -> !fx.errors.shown.isEmpty());
    assertThat(fx.errors.shown.get(0).getHeaderText())
        .contains("altered")
        .contains(stored.toString());

    // a regression model: residuals instead of curves
    robot.interact(() -> view.modelsList().getSelectionModel().select("temp-max"));
    waitUntil(() -> view.versions().size() == 1 && view.selectedVersionProperty().get() != null);
    before = controller().lastDialog();
    robot.clickOn("#models-evaluate");
    EvaluateDialogView reg = dialog(EvaluateDialogView.class, before);
    waitUntil(() -> !reg.target().getItems().isEmpty());
    robot.interact(
        () -> {
          reg.dataset().setValue("seattle-weather:1");
          reg.target().setValue("temp_max");
          reg.confirm();
        });
    waitUntil(
        () -> view.evaluations().metricRows().stream().anyMatch(r -> r.metric().equals("rmse")));
    assertThat(view.evaluations().residualsPlot().series()).hasSize(1);
    assertThat(view.evaluations().rocPlot().isVisible()).isFalse();
    shot(robot, "models-regression");

    // protect champion: a move needs an approval, then goes through with it
    robot.interact(() -> view.modelsList().getSelectionModel().select("weather"));
    waitUntil(() -> view.versions().size() == 3);
    robot.interact(() -> view.selectVersion(3));
    before = controller().lastDialog();
    robot.clickOn("#models-protect");
    ProtectDialogView protect = dialog(ProtectDialogView.class, before);
    robot.interact(
        () -> {
          protect.aliases().setText("champion");
          protect.confirm();
        });
    waitUntil(() -> registry().model("weather").protectedAliases().contains("champion"));
    before = controller().lastDialog();
    robot.clickOn("#models-promote");
    PromoteDialogView p = dialog(PromoteDialogView.class, before);
    waitUntil(() -> p.protectionText().contains("needs an approval"));
    robot.interact(
        () -> {
          p.reason().setText("v3 is the same model, re-registered");
          p.confirm();
        });
    waitUntil(() -> fx.errors.shown.size() == 2);
    assertThat(fx.errors.shown.get(1).getHeaderText()).containsIgnoringCase("approv");
    before = controller().lastDialog();
    robot.clickOn("#models-approve");
    ApproveDialogView approve = dialog(ApproveDialogView.class, before);
    robot.interact(
        () -> {
          approve.requester().setText("alice");
          approve.reason().setText("reviewed the evaluation");
          approve.confirm();
        });
    before = controller().lastDialog();
    robot.clickOn("#models-promote");
    PromoteDialogView approved = dialog(PromoteDialogView.class, before);
    waitUntil(() -> approved.protectionText().contains("approved by"));
    robot.interact(
        () -> {
          approved.reason().setText("approved after review");
          approved.confirm();
        });
    waitUntil(() -> view.aliases().history().stream().anyMatch(r -> !r.approvedBy().isEmpty()));
    robot.interact(() -> view.showTab("tab-model-aliases"));
    shot(robot, "models-approved-move");
  }

  private io.flightdeck.core.registry.RegistryService registry() {
    return fx.window.shell().workspace().orElseThrow().registry();
  }

  private void promote(FxRobot robot, ModelsView view, int version, String reason)
      throws Exception {
    Object before = controller().lastDialog();
    robot.clickOn("#models-promote");
    PromoteDialogView p = dialog(PromoteDialogView.class, before);
    waitUntil(() -> p.changeText().contains("→ v" + version));
    robot.interact(
        () -> {
          p.reason().setText(reason);
          p.confirm();
        });
    waitUntil(() -> history("champion").size() >= 1);
  }

  private List<AliasMove> history(String alias) {
    return fx.window.shell().workspace().orElseThrow().registry().history("weather", alias);
  }

  private void shot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    fx.screenshot(robot, name);
  }

  private static void snapshot(FxRobot robot, Node node, String name) throws Exception {
    Path out = Path.of("target/screenshots").resolve(name + ".png");
    Files.createDirectories(out.getParent());
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> image[0] = node.snapshot(null, null));
    ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", new File(out.toString()));
  }

  private static void waitUntilLong(java.util.function.BooleanSupplier c) throws Exception {
    WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, c::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
