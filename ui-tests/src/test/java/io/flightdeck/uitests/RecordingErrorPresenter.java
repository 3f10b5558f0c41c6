package io.flightdeck.uitests;

import io.flightdeck.controllers.shell.ErrorPresenter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * Builds the real error dialogs but records them instead of showing them, so tests never block on a
 * dialog.
 */
final class RecordingErrorPresenter extends ErrorPresenter {
  final List<Alert> shown = new CopyOnWriteArrayList<>();

  RecordingErrorPresenter(Window owner) {
    super(() -> owner);
  }

  @Override
  protected void display(Alert alert) {
    shown.add(alert);
  }
}
