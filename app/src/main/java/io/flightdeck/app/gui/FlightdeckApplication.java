package io.flightdeck.app.gui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: reads its launch parameters and hands the stage to {@link
 * FlightdeckWindow}.
 */
public final class FlightdeckApplication extends Application {
  private FlightdeckWindow window;

  @Override
  public void start(Stage stage) {
    Map<String, String> named = getParameters().getNamed();
    Path workspace = Path.of(named.get("workspace"));
    boolean exitAfterStart = Boolean.parseBoolean(named.getOrDefault("exit-after-start", "false"));
    window = FlightdeckWindow.forUser(stage);
    if (exitAfterStart) {
      stage.setOnShown(
          e ->
              Platform.runLater(
                  () -> {
                    System.out.println("flightdeck.window.shown ms=" + sinceJvmStart());
                    System.out.flush();
                  }));
      window.setOnWorkspaceOpened(
          () -> {
            long ms =
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("flightdeck.started ms=" + ms);
            System.out.flush();
            Platform.exit();
          });
    }
    window.show(workspace);
  }

  private static long sinceJvmStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  @Override
  public void stop() {
    if (window != null) {
      window.shutdown();
    }
  }
}
