package io.flightdeck.views.datasets;

import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Edits a dataset's schema contract as JSON; non-blocking, the edited text arrives through a
 * callback.
 */
public final class ContractDialogView {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final TextArea text = new TextArea();
  private final Label problem = new Label();
  private final ButtonType save = new ButtonType("Save Contract", ButtonBar.ButtonData.OK_DONE);

  /** Builds the dialog. Call on the FX thread. */
  public ContractDialogView(Window owner, String dataset, String origin, String json) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Schema Contract — " + dataset);
    dialog.setHeaderText(origin);
    dialog.setResizable(true);
    dialog.getDialogPane().setId("contract-dialog");
    text.setId("contract-json");
    text.setText(json);
    text.setPrefSize(720, 460);
    text.setStyle("-fx-font-family: monospace;");
    problem.setId("contract-problem");
    problem.setWrapText(true);
    problem.getStyleClass().add("import-problem");
    dialog.getDialogPane().setContent(new VBox(8, problem, text));
    dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
  }

  /** Shows a problem with the text (e.g. invalid JSON) above it. */
  public void showProblem(String message) {
    problem.setText(message);
  }

  /** Shows the dialog; {@code onSave} gets the edited JSON when the user saves. */
  public void show(Consumer<String> onSave) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    dialog.setOnHidden(
        e -> {
          if (done[0]) {
            return;
          }
          done[0] = true;
          if (dialog.getResult() == save) {
            onSave.accept(text.getText());
          }
        });
    dialog.show();
  }

  /** Presses Save programmatically. */
  public void confirm() {
    dialog.setResult(save);
  }
}
