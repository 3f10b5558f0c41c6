package io.flightdeck.views.hosts;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a key passphrase or a login password. The typed characters are handed over once and the
 * field is cleared; nothing is kept. Non-blocking.
 */
public final class SecretDialogView {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final ButtonType ok;
  private final PasswordField secret = new PasswordField();

  /**
   * @param title "Key Passphrase" or "Password"
   * @param prompt what is asked, naming the key file or user@host
   * @param problem why it is asked again ("Wrong passphrase, try again."); empty the first time
   * @param action the OK button's label ("Unlock", "Log In")
   */
  public SecretDialogView(
      Window owner, String title, String prompt, String problem, String action) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(title);
    dialog.setHeaderText(prompt);
    dialog.getDialogPane().setId("secret-dialog");
    ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(ok).setId("secretOk");
    dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("secretCancel");
    secret.setId("hostSecret");
    Label again = new Label(problem);
    again.setId("secretProblem");
    again.setStyle("-fx-text-fill: -fd-bad;");
    again.managedProperty().bind(again.textProperty().isNotEmpty());
    Label note = new Label("Kept in memory for this session only; never written to disk.");
    note.setStyle("-fx-text-fill: -fd-muted;");
    VBox content = new VBox(8, again, secret, note);
    content.setPrefWidth(440);
    dialog.getDialogPane().setContent(content);
    dialog.setOnShown(e -> Platform.runLater(secret::requestFocus));
  }

  /** Shows the dialog; {@code onAnswer} gets the typed characters, or null when cancelled. */
  public void show(Consumer<char[]> onAnswer) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    dialog.setOnHidden(
        e -> {
          if (!done[0]) {
            done[0] = true;
            char[] answer = dialog.getResult() == ok ? take() : null;
            secret.clear();
            onAnswer.accept(answer);
          }
        });
    dialog.show();
  }

  private char[] take() {
    CharSequence typed = secret.getCharacters();
    char[] out = new char[typed.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = typed.charAt(i);
    }
    return out;
  }

  /** Types and confirms (tests). */
  public void answer(String text) {
    secret.setText(text);
    dialog.setResult(ok);
  }

  /** Presses Cancel. */
  public void cancel() {
    dialog.setResult(ButtonType.CANCEL);
  }
}
