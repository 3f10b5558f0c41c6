package io.flightdeck.views.models;

import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Approve: permission to move a protected alias to a version, for a requester, with a reason. */
public final class ApproveDialogView extends FormDialog {
  private final ComboBox<String> alias = new ComboBox<>();
  private final TextField requester = new TextField();
  private final TextArea reason = new TextArea();

  /** Result: alias, requester, reason. */
  public record Choice(String alias, String requester, String reason) {}

  public ApproveDialogView(
      Window owner, String versionRef, java.util.List<String> protectedAliases, String me) {
    super(
        owner,
        "approve-dialog",
        "Approve",
        "Approve moving a protected alias to " + versionRef + ".",
        "Approve");
    alias.setId("approve-alias");
    alias.setEditable(true);
    alias.getItems().setAll(protectedAliases);
    if (!protectedAliases.isEmpty()) {
      alias.getEditor().setText(protectedAliases.get(0));
    }
    requester.setId("approve-requester");
    requester.setPromptText("who asked for the move");
    reason.setId("approve-reason");
    reason.setPrefRowCount(3);
    reason.setPromptText("Why is it approved? (recorded in the audit trail)");
    row("Alias", alias);
    row("Requester", requester);
    row("Reason", reason);
    wide(
        hint(
            "You approve as "
                + me
                + ". In a shared workspace the approver must be another person than the"
                + " requester."));
    disableOkWhen(
        reason
            .textProperty()
            .isEmpty()
            .or(alias.getEditor().textProperty().isEmpty())
            .or(requester.textProperty().isEmpty()));
  }

  public ComboBox<String> alias() {
    return alias;
  }

  public TextField requester() {
    return requester;
  }

  public TextArea reason() {
    return reason;
  }

  public void show(Consumer<Choice> onApprove) {
    open(
        () ->
            onApprove.accept(
                new Choice(
                    alias.getEditor().getText().strip(),
                    requester.getText().strip(),
                    reason.getText().strip())));
  }
}
