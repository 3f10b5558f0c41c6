package io.flightdeck.uitests;

import io.flightdeck.app.FileUiSettingsFactory;
import io.flightdeck.app.gui.FlightdeckWindow;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The wired window on a fresh workspace, with scripted file dialogs and recorded error dialogs. */
final class WindowFixture {
  final Path workspace;
  final Path settingsFile;
  final RecordingErrorPresenter errors;
  final ScriptedFileDialogs files = new ScriptedFileDialogs();
  final FlightdeckWindow window;

  WindowFixture(Stage stage, Path tmp) throws java.io.IOException {
    this(stage, Files.createTempDirectory(tmp, "ws"), true);
  }

  /** The window on a workspace prepared by the test (closed again before this opens it). */
  WindowFixture(Stage stage, Path workspace, boolean prepared) throws java.io.IOException {
    this.workspace = workspace;
    settingsFile = workspace.resolveSibling(workspace.getFileName() + "-settings.properties");
    errors = new RecordingErrorPresenter(stage);
    window = new FlightdeckWindow(stage, FileUiSettingsFactory.create(settingsFile), errors, files);
    window.show(workspace);
  }

  /**
   * Reads FX state on the FX thread (live lists such as the jobs table change under a reader on
   * another thread).
   */
  static <T> T onFx(java.util.concurrent.Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("reading on the FX thread failed", e);
    }
  }

  static void waitUntil(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  void waitForWorkspace() throws TimeoutException {
    waitUntil(
        () ->
            window.view().sectionsEnabledProperty().get() && window.shell().datasets().isPresent());
  }

  void shutdown() {
    WaitForAsyncUtils.asyncFx(window::shutdown);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Writes a PNG of the whole window to ui-tests/target/screenshots/NAME.png. */
  Path screenshot(FxRobot robot, String name) throws Exception {
    Path out = Path.of("target/screenshots").resolve(name + ".png");
    Files.createDirectories(out.getParent());
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> image[0] = window.view().root().getScene().snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", new File(out.toString()));
    return out;
  }
}
