package io.flightdeck.views.hosts;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A question or warning of the Hosts section with its own buttons (Remove / Cancel, Save Anyway /
 * Edit / Cancel, Close), an optional check box and optional selectable details. Non-blocking: the
 * id of the pressed button is reported, an empty string for Cancel, Close or Escape.
 */
public final class ChoiceDialogView {
  private final Alert alert;
  private final VBox content = new VBox(10);
  private final CheckBox check = new CheckBox();

  /**
   * @param id the dialog pane's id
   * @param type the icon (WARNING for refusals, CONFIRMATION for questions)
   */
  public ChoiceDialogView(
      Window owner, String id, Alert.AlertType type, String title, String header, String text) {
    alert = new Alert(type);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle(title);
    alert.setHeaderText(header);
    alert.setResizable(true);
    alert.getDialogPane().setId(id);
    alert.getButtonTypes().clear();
    Label body = new Label(text);
    body.setId(id + "-text");
    body.setWrapText(true);
    body.setMaxWidth(560);
    content.getChildren().add(body);
    alert.getDialogPane().setContent(content);
  }

  /** Adds an action button; the first added is the default (Enter) only when {@code primary}. */
  public ChoiceDialogView action(String buttonId, String label, boolean primary) {
    ButtonType b =
        new ButtonType(label, primary ? ButtonBar.ButtonData.OK_DONE : ButtonBar.ButtonData.OTHER);
    alert.getButtonTypes().add(b);
    alert.getDialogPane().lookupButton(b).setId(buttonId);
    return this;
  }

  /** Adds the closing button ("Cancel" or "Close"), which also answers Escape. */
  public ChoiceDialogView closing(String buttonId, String label) {
    ButtonType b = new ButtonType(label, ButtonBar.ButtonData.CANCEL_CLOSE);
    alert.getButtonTypes().add(b);
    alert.getDialogPane().lookupButton(b).setId(buttonId);
    return this;
  }

  /** Adds a check box under the text. */
  public ChoiceDialogView checkBox(String checkId, String label) {
    check.setId(checkId);
    check.setText(label);
    check.setMnemonicParsing(true);
    content.getChildren().add(check);
    return this;
  }

  /** Adds selectable monospace details (fingerprints, commands) under the text. */
  public ChoiceDialogView details(String detailsId, String text) {
    TextArea area = new TextArea(text);
    area.setId(detailsId);
    area.setEditable(false);
    area.setWrapText(true);
    area.setPrefRowCount(Math.min(8, text.split("\n", -1).length + 1));
    area.setStyle("-fx-font-family: monospace;");
    content.getChildren().add(area);
    return this;
  }

  public boolean checked() {
    return check.isSelected();
  }

  /** Shows the dialog; {@code onChoice} gets the pressed button's id, empty when closed. */
  public void show(Consumer<String> onChoice) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    alert.setOnHidden(
        e -> {
          if (!done[0]) {
            done[0] = true;
            ButtonType r = alert.getResult();
            boolean closing = r == null || r.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE;
            onChoice.accept(closing ? "" : alert.getDialogPane().lookupButton(r).getId());
          }
        });
    alert.show();
  }

  /** Presses the button with that id (tests). */
  public void choose(String buttonId) {
    alert.getButtonTypes().stream()
        .filter(b -> buttonId.equals(alert.getDialogPane().lookupButton(b).getId()))
        .findFirst()
        .ifPresent(alert::setResult);
  }
}
