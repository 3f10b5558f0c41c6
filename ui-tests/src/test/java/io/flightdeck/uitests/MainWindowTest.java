package io.flightdeck.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.app.FileUiSettingsFactory;
import io.flightdeck.app.gui.FlightdeckWindow;
import io.flightdeck.core.workspace.WorkspaceLockedException;
import io.flightdeck.store.LocalWorkspace;
import io.flightdeck.views.audit.AuditRow;
import io.flightdeck.views.audit.AuditView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** End-to-end flows through the wired main window, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  @TempDir static Path tmp;
  private Path workspace;
  private Path settingsFile;
  private FlightdeckWindow window;
  private RecordingErrorPresenter errors;

  @Start
  void start(Stage stage) throws IOException {
    workspace = Files.createTempDirectory(tmp, "ws");
    settingsFile = workspace.resolveSibling(workspace.getFileName() + "-settings.properties");
    errors = new RecordingErrorPresenter(stage);
    window = new FlightdeckWindow(stage, FileUiSettingsFactory.create(settingsFile), errors);
    window.show(workspace);
  }

  @AfterEach
  void tearDown() throws TimeoutException {
    WaitForAsyncUtils.asyncFx(() -> window.shutdown());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void waitUntil(java.util.function.BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private TableView<AuditRow> table(FxRobot robot) {
    return (TableView<AuditRow>) robot.lookup("#audit-table").queryAs(TableView.class);
  }

  private void waitForWorkspace(FxRobot robot) throws TimeoutException {
    waitUntil(() -> window.view().sectionsEnabledProperty().get());
    waitUntil(() -> "datasets".equals(window.view().selectedSectionProperty().get()));
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitUntil(() -> "audit".equals(window.view().selectedSectionProperty().get()));
    waitUntil(() -> !table(robot).getItems().isEmpty());
  }

  @Test
  void opensTheWorkspaceAndShowsTheVerifiedAuditTrail(FxRobot robot) throws TimeoutException {
    waitForWorkspace(robot);
    assertThat(table(robot).getItems())
        .extracting(AuditRow::action)
        .containsExactly("workspace.created");
    waitUntil(
        () ->
            robot
                .lookup("#chain-status")
                .queryAs(Label.class)
                .getText()
                .startsWith("Audit trail intact"));
    assertThat(robot.lookup("#workspace-label").queryAs(Label.class).getText())
        .contains(workspace.toString());
    assertThat(Files.exists(workspace.resolve("db/flightdeck.mv.db"))).isTrue();
    assertThat(errors.shown).isEmpty();
  }

  @Test
  void keyboardSelectsSectionsAndFiltersNarrowTheTable(FxRobot robot) throws TimeoutException {
    waitForWorkspace(robot);
    robot.clickOn("#audit-filter-action").write("no-such-action");
    waitUntil(() -> table(robot).getItems().isEmpty());
    robot
        .doubleClickOn("#audit-filter-action")
        .eraseText("no-such-action".length())
        .write("created");
    waitUntil(() -> table(robot).getItems().size() == 1);
    // Ctrl+1..3 select the sections from anywhere.
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
    waitUntil(() -> "datasets".equals(window.view().selectedSectionProperty().get()));
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    waitUntil(() -> "drift".equals(window.view().selectedSectionProperty().get()));
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitUntil(() -> "audit".equals(window.view().selectedSectionProperty().get()));
  }

  @Test
  void themeTogglesWithTheShortcutAndIsRemembered(FxRobot robot) throws Exception {
    waitForWorkspace(robot);
    Node root = robot.lookup("#main-view").query();
    assertThat(root.getScene().getStylesheets()).anyMatch(s -> s.endsWith("light.css"));
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D)
        .release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(
        () -> root.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    waitUntil(() -> Files.exists(settingsFile));
    waitUntil(() -> readQuietly(settingsFile).contains("theme=DARK"));
  }

  @Test
  void exportsTheAuditTrailAsCsv(FxRobot robot) throws Exception {
    waitForWorkspace(robot);
    Path out = workspace.resolveSibling(workspace.getFileName() + "-audit.csv");
    AuditView view = findAuditView(robot);
    robot.interact(() -> view.setSaveFileChooser(owner -> out.toFile()));
    robot.clickOn("#export-csv");
    waitUntil(() -> Files.exists(out));
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("seq,time_utc,actor,action");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("workspace.created");
    waitUntil(
        () ->
            window.view().lastNotification() != null
                && window.view().lastNotification().contains("Exported 1"));
  }

  @Test
  void aboutDialogListsTheVersions(FxRobot robot) throws TimeoutException {
    waitForWorkspace(robot);
    robot.press(KeyCode.F1).release(KeyCode.F1);
    waitUntil(() -> robot.lookup("#about-versions").tryQuery().isPresent());
    String text =
        robot.lookup("#about-versions").queryParent().getChildrenUnmodifiable().stream()
            .filter(n -> n instanceof Label)
            .map(n -> ((Label) n).getText())
            .reduce("", (a, b) -> a + " " + b);
    assertThat(text).contains("Flightdeck").contains("JavaFX").contains("H2");
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
  }

  @Test
  void aWorkspaceOpenElsewhereGivesAClearErrorAndTheWindowStaysUsable(FxRobot robot)
      throws Exception {
    waitForWorkspace(robot);
    Path other = Files.createTempDirectory(tmp, "held");
    try (LocalWorkspace held = LocalWorkspace.open(other, Clock.systemUTC(), () -> "someone")) {
      robot.interact(() -> window.shell().openWorkspace(other));
      waitUntil(() -> !errors.shown.isEmpty());
      String header = errors.shown.get(0).getHeaderText();
      assertThat(header)
          .contains("already open")
          .contains(Long.toString(ProcessHandle.current().pid()));
      assertThat(errors.shown.get(0).getContentText()).contains("--workspace");
      assertThat(held.audit().verify().valid()).isTrue();
    }
    assertThat(WorkspaceLockedException.class).isNotNull();
    waitUntil(() -> robot.lookup("#content-placeholder").tryQuery().isPresent());
    assertThat(window.view().sectionsEnabledProperty().get()).isFalse();
    robot.interact(() -> window.shell().openWorkspace(workspace));
    waitUntil(() -> window.view().sectionsEnabledProperty().get());
  }

  private static AuditView findAuditView(FxRobot robot) {
    Node node = robot.lookup("#audit-view").query();
    return (AuditView) node.getProperties().get(AuditView.class);
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
