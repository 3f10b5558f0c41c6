package io.flightdeck.views.models;

import static io.flightdeck.views.common.Tables.column;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The result of Verify Registry: "N artifacts, 100 % consistent", or the artifacts that failed. */
public final class VerifyResultView {
  private final Alert alert;
  private final TableView<VerifyProblemRow> problems = new TableView<>();

  public VerifyResultView(Window owner, int checked, List<VerifyProblemRow> rows) {
    alert = new Alert(rows.isEmpty() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle("Verify Registry");
    alert.getDialogPane().setId("verify-dialog");
    alert.setResizable(true);
    if (rows.isEmpty()) {
      alert.setHeaderText(checked + " artifacts, 100 % consistent");
      alert.setContentText(
          "Every stored model file still has the SHA-256 recorded when it was registered.");
      return;
    }
    alert.setHeaderText(rows.size() + " of " + checked + " artifacts failed the check");
    problems.setId("verify-problems");
    problems.getColumns().add(column("Model", VerifyProblemRow::model, 120));
    problems.getColumns().add(column("Version", VerifyProblemRow::version, 60));
    problems.getColumns().add(column("File", VerifyProblemRow::file, 200));
    problems.getColumns().add(column("Expected SHA-256", VerifyProblemRow::expected, 220));
    problems.getColumns().add(column("Actual", VerifyProblemRow::actual, 220));
    problems.getItems().setAll(rows);
    problems.setRowFactory(
        t ->
            new javafx.scene.control.TableRow<>() {
              @Override
              protected void updateItem(VerifyProblemRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(
                    empty || r == null
                        ? null
                        : new javafx.scene.control.Tooltip(
                            r.file() + "\nexpected " + r.expected() + "\nactual   " + r.actual()));
              }
            });
    problems.setPrefSize(840, 220);
    Label l =
        new Label(
            "These files no longer match their recorded hash: evaluation, export and deploy refuse"
                + " them. Restore them from a backup.");
    l.setWrapText(true);
    alert.getDialogPane().setContent(new VBox(8, l, problems));
  }

  public String headline() {
    return alert.getHeaderText();
  }

  public List<VerifyProblemRow> problems() {
    return problems.getItems();
  }

  /** The dialog's content (for snapshots). */
  public javafx.scene.Node pane() {
    return alert.getDialogPane();
  }

  public void show() {
    alert.show();
  }

  public void close() {
    alert.close();
  }
}
