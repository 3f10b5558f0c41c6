package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.views.datasets.ContractDialogView;
import io.flightdeck.views.datasets.DatasetVersionRow;
import io.flightdeck.views.datasets.DatasetsView;
import io.flightdeck.views.datasets.DriftView;
import io.flightdeck.views.datasets.ImportDialogView;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The datasets issue end to end in the window: sample, import dialog, profiles, validation, drift.
 */
@ExtendWith(ApplicationExtension.class)
class DatasetsFlowTest {
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

  private static DatasetsView datasetsView(FxRobot robot) {
    Node n = robot.lookup("#datasets-view").query();
    return (DatasetsView) n.getProperties().get(DatasetsView.class);
  }

  private static DriftView driftView(FxRobot robot) {
    Node n = robot.lookup("#drift-view").query();
    return (DriftView) n.getProperties().get(DriftView.class);
  }

  private void loadSample(FxRobot robot) throws Exception {
    fx.waitForWorkspace();
    DatasetsView view = datasetsView(robot);
    assertThat(robot.lookup("#load-sample-empty").query().isVisible()).isTrue();
    robot.clickOn("#load-sample-empty");
    waitUntil(() -> view.versions().size() == 2);
  }

  @Test
  void importsThroughTheDialogAndShowsProfiles(FxRobot robot) throws Exception {
    fx.waitForWorkspace();
    Path csv = tmp.resolve("weather-2012.csv");
    try (InputStream in = SampleData.open(SampleData.FILES.get(0))) {
      Files.copy(in, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    fx.files.answer(csv);
    AtomicReference<ImportDialogView> dialog = new AtomicReference<>();
    robot.interact(
        () -> fx.window.shell().datasets().orElseThrow().setOnImportDialogShown(dialog::set));
    robot.clickOn("#import-csv");
    waitUntil(() -> dialog.get() != null);
    assertThat(dialog.get().choices().datasetName()).isEqualTo("weather-2012");
    assertThat(dialog.get().choices().columns())
        .extracting(c -> c.name())
        .contains("date", "temp_max");
    robot.interact(() -> dialog.get().confirm());
    DatasetsView view = datasetsView(robot);
    waitUntil(() -> view.versions().stream().anyMatch(r -> r.ref().equals("weather-2012:1")));
    waitUntil(() -> !view.profiles().isEmpty());
    assertThat(view.profiles()).extracting(p -> p.column()).contains("temp_max", "weather");
    assertThat(view.overviewTextProperty().get()).contains("SHA-256").contains("weather-2012.csv");
    robot.clickOn("#tab-profiles");
    assertThat(fx.errors.shown)
        .extracting(a -> a.getHeaderText() + " | " + a.getContentText())
        .isEmpty();
  }

  @Test
  void sampleValidatesWithAContractAndFlagsTheSecondVersion(FxRobot robot) throws Exception {
    loadSample(robot);
    DatasetsView view = datasetsView(robot);
    robot.interact(() -> view.selectVersion(SampleData.DATASET + ":2"));
    AtomicReference<ContractDialogView> contract = new AtomicReference<>();
    robot.interact(
        () -> fx.window.shell().datasets().orElseThrow().setOnContractDialogShown(contract::set));
    fx.screenshot(robot, "datasets-sample");
    // The sample comes with a contract derived from version 1: review it, save it, then validate.
    robot.clickOn("#edit-contract");
    waitUntil(() -> contract.get() != null || !fx.errors.shown.isEmpty());
    assertThat(fx.errors.shown).extracting(a -> a.getHeaderText()).isEmpty();
    robot.interact(() -> contract.get().confirm());
    waitUntil(
        () -> String.valueOf(fx.window.view().lastNotification()).contains("Saved the contract"));
    robot.clickOn("#validate-dataset");
    waitUntil(() -> view.validationSummaryProperty().get().startsWith("FAILED"));
    assertThat(view.issues()).isNotEmpty();
    waitUntil(
        () ->
            view.versions().stream()
                .filter(r -> r.version() == 2)
                .anyMatch(DatasetVersionRow::failed));
    // Using the failed version needs an explicit, audited override with a reason.
    AtomicReference<io.flightdeck.views.common.ReasonDialogView> reason = new AtomicReference<>();
    robot.interact(
        () -> fx.window.shell().datasets().orElseThrow().setOnReasonDialogShown(reason::set));
    robot.clickOn("#override-version");
    waitUntil(() -> reason.get() != null);
    robot.interact(() -> reason.get().confirmWith("2015 hail days are real; retrain anyway"));
    waitUntil(() -> view.versions().stream().anyMatch(r -> r.status().contains("overridden")));
    assertThat(
            fx.window
                .shell()
                .workspace()
                .orElseThrow()
                .audit()
                .list(io.flightdeck.core.audit.AuditQuery.all()))
        .anyMatch(
            e ->
                e.action().equals("dataset.override")
                    && e.detailsJson().contains("retrain anyway"));
    assertThat(fx.errors.shown)
        .extracting(a -> a.getHeaderText() + " | " + a.getContentText())
        .isEmpty();
  }

  @Test
  void driftOfTheSampleShowsTheTileTheTableAndTheCharts(FxRobot robot) throws Exception {
    loadSample(robot);
    DatasetsView view = datasetsView(robot);
    robot.interact(() -> view.selectVersion(SampleData.DATASET + ":2"));
    robot.clickOn("#open-drift");
    waitUntil(() -> "drift".equals(fx.window.view().selectedSectionProperty().get()));
    DriftView drift = driftView(robot);
    waitUntil(() -> !drift.rows().isEmpty());
    assertThat(drift.rows()).anyMatch(r -> r.drifted());
    assertThat(drift.shareValue()).isGreaterThan(0);
    assertThat(drift.verdictProperty().get()).contains("columns drifted");
    waitUntil(
        () ->
            robot
                    .lookup("#drift-scores-chart")
                    .queryAs(javafx.scene.image.ImageView.class)
                    .getImage()
                != null);
    waitUntil(
        () ->
            robot
                    .lookup("#drift-distribution-chart")
                    .queryAs(javafx.scene.image.ImageView.class)
                    .getImage()
                != null);
    Path shot = fx.screenshot(robot, "drift-view");
    assertThat(shot).exists();
    Path html = tmp.resolve("drift.html");
    fx.files.answer(html);
    robot.clickOn("#export-drift-html");
    waitUntil(() -> Files.exists(html));
    assertThat(Files.readString(html)).contains("<html").contains("temp_max");
    assertThat(fx.errors.shown)
        .extracting(a -> a.getHeaderText() + " | " + a.getContentText())
        .isEmpty();
  }
}
