package io.flightdeck.app.gui;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX toolkit with the window; returns when the window is closed. */
public final class GuiLauncher {
  private GuiLauncher() {}

  /**
   * @param workspace the workspace folder to open
   * @param exitAfterStart print the start-up time once the window and workspace are open, then exit
   * @return the exit code
   */
  public static int launch(Path workspace, boolean exitAfterStart) {
    Application.launch(
        FlightdeckApplication.class,
        "--workspace=" + workspace.toAbsolutePath(),
        "--exit-after-start=" + exitAfterStart);
    return 0;
  }
}
