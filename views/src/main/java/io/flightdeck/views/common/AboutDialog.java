package io.flightdeck.views.common;

import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The About dialog: product name and the versions of everything that matters. */
public final class AboutDialog {
  private AboutDialog() {}

  /**
   * Builds (does not show) the dialog with one row per entry of {@code versions}. Call on the FX
   * thread.
   */
  public static Alert create(Window owner, Map<String, String> versions) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle("About Flightdeck");
    alert.setHeaderText("Flightdeck — the MLOps control center on your desk");
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(4);
    grid.setId("about-versions");
    int row = 0;
    for (Map.Entry<String, String> e : versions.entrySet()) {
      Label key = new Label(e.getKey());
      key.getStyleClass().add("about-key");
      grid.addRow(row++, key, new Label(e.getValue()));
    }
    alert.getDialogPane().setContent(grid);
    alert.getDialogPane().setId("about-dialog");
    return alert;
  }
}
