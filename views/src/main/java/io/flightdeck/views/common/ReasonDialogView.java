package io.flightdeck.views.common;

import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the reason of a recorded decision (it goes to the audit trail); the action needs a
 * non-blank reason.
 */
public final class ReasonDialogView {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final TextArea reason = new TextArea();
  private final ButtonType confirm;

  /** Builds the dialog. Call on the FX thread. */
  public ReasonDialogView(Window owner, String title, String explanation, String action) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(title);
    dialog.setHeaderText(title);
    dialog.getDialogPane().setId("reason-dialog");
    confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    reason.setId("reason-text");
    reason.setPromptText("Why? (recorded in the audit trail)");
    reason.setPrefRowCount(3);
    Label text = new Label(explanation);
    text.setWrapText(true);
    dialog.getDialogPane().setContent(new VBox(8, text, reason));
    dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
    dialog
        .getDialogPane()
        .lookupButton(confirm)
        .disableProperty()
        .bind(reason.textProperty().isEmpty());
  }

  /** Shows the dialog; {@code onConfirm} gets the reason when the user confirms. */
  public void show(Consumer<String> onConfirm) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    dialog.setOnHidden(
        e -> {
          if (done[0]) {
            return;
          }
          done[0] = true;
          if (dialog.getResult() == confirm && !reason.getText().isBlank()) {
            onConfirm.accept(reason.getText().strip());
          }
        });
    dialog.show();
  }

  /** Types a reason and confirms (tests; keyboard users type and press Enter). */
  public void confirmWith(String text) {
    reason.setText(text);
    dialog.setResult(confirm);
  }
}
