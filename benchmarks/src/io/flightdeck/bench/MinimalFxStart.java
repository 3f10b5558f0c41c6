package io.flightdeck.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up baseline: the smallest JavaFX program that shows a window. Prints {@code
 * minimalfx.shown ms=N} (N = ms since JVM start) once the stage is shown, then exits. Not an
 * {@code Application} subclass itself, so it runs with JavaFX on the class path, as the app does.
 */
public final class MinimalFxStart {
  private MinimalFxStart() {}

  public static void main(String[] args) {
    Application.launch(Window.class, args);
  }

  /** The JavaFX application class. */
  public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
      stage.setScene(new Scene(new StackPane(new Label("baseline")), 640, 400));
      stage.setOnShown(
          e ->
              Platform.runLater(
                  () -> {
                    long ms =
                        System.currentTimeMillis()
                            - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("minimalfx.shown ms=" + ms);
                    System.out.flush();
                    Platform.exit();
                  }));
      stage.show();
    }
  }
}
