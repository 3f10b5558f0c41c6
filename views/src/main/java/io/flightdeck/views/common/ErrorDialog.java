package io.flightdeck.views.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The one error dialog of the app: a plain sentence, what to do, and the technical details folded
 * away.
 */
public final class ErrorDialog {
  private ErrorDialog() {}

  /** Builds (does not show) the dialog. Call on the FX thread. */
  public static Alert create(
      Window owner, String title, String message, String hint, String details) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle(title);
    alert.setHeaderText(message);
    alert.setContentText(hint == null || hint.isBlank() ? null : hint);
    alert.getDialogPane().setId("error-dialog");
    if (details != null && !details.isBlank()) {
      TextArea area = new TextArea(details);
      area.setId("error-details");
      area.setEditable(false);
      area.setWrapText(false);
      area.setMaxWidth(Double.MAX_VALUE);
      area.setMaxHeight(Double.MAX_VALUE);
      GridPane.setVgrow(area, Priority.ALWAYS);
      GridPane.setHgrow(area, Priority.ALWAYS);
      GridPane content = new GridPane();
      content.setMaxWidth(Double.MAX_VALUE);
      content.add(new Label("Details:"), 0, 0);
      content.add(area, 0, 1);
      alert.getDialogPane().setExpandableContent(content);
    }
    alert.setResizable(true);
    return alert;
  }
}
