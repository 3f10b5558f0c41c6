package io.flightdeck.views.hosts;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks whether to trust a host key seen for the first time: shows its type and SHA256 fingerprint
 * (selectable, to compare) and how to check it on the host. Cancel is the default; nothing is
 * trusted unless the user presses Trust. Non-blocking.
 */
public final class HostKeyDialogView {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final ButtonType accept =
      new ButtonType("_Trust and Connect", ButtonBar.ButtonData.OTHER);
  private final TextField fingerprint = new TextField();

  /**
   * @param host "hostname port 22", for the question
   * @param keyType "ssh-ed25519", ...
   * @param sha256 "SHA256:..." as {@code ssh-keygen -lf} prints it
   * @param howToCheck the command to run on the host to see its fingerprint
   */
  public HostKeyDialogView(
      Window owner, String host, String keyType, String sha256, String howToCheck) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Unknown Host Key");
    dialog.setHeaderText(
        "Flightdeck has not seen the key of " + host + " before. Is it really that host?");
    dialog.getDialogPane().setId("host-key-dialog");
    dialog.getDialogPane().getButtonTypes().addAll(accept, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(accept).setId("acceptHostKey");
    dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("rejectHostKey");
    // the safe answer has the focus: a stray Space or Enter never trusts a key
    dialog.setOnShown(
        e ->
            javafx.application.Platform.runLater(
                () -> dialog.getDialogPane().lookupButton(ButtonType.CANCEL).requestFocus()));
    Label type = new Label(keyType);
    type.setId("hostKeyType");
    fingerprint.setId("hostKeyFingerprint");
    fingerprint.setText(sha256);
    fingerprint.setEditable(false);
    fingerprint.setPrefColumnCount(Math.max(40, sha256.length()));
    fingerprint.setStyle("-fx-font-family: monospace;");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.addRow(0, new Label("Key type"), type);
    grid.addRow(1, new Label("Fingerprint"), fingerprint);
    Label hint =
        new Label(
            "Compare it with the fingerprint the host itself reports. On the host (or ask its"
                + " administrator), run:");
    hint.setWrapText(true);
    TextField command = new TextField(howToCheck);
    command.setId("hostKeyCheckCommand");
    command.setEditable(false);
    command.setStyle("-fx-font-family: monospace;");
    Label warn =
        new Label(
            "Trust the key only when both match. If they differ, someone may be intercepting the"
                + " connection.");
    warn.setWrapText(true);
    VBox content = new VBox(10, grid, hint, command, warn);
    content.setPrefWidth(620);
    dialog.getDialogPane().setContent(content);
  }

  public String fingerprint() {
    return fingerprint.getText();
  }

  /** Shows the dialog; {@code onAccept} runs only when the user trusts the key. */
  public void show(Runnable onAccept, Runnable onReject) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    dialog.setOnHidden(
        e -> {
          if (!done[0]) {
            done[0] = true;
            if (dialog.getResult() == accept) {
              onAccept.run();
            } else {
              onReject.run();
            }
          }
        });
    dialog.show();
  }

  /** Presses Trust (tests). */
  public void accept() {
    dialog.setResult(accept);
  }

  /** Presses Cancel. */
  public void reject() {
    dialog.setResult(ButtonType.CANCEL);
  }
}
