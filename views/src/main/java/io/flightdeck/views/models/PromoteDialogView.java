package io.flightdeck.views.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Promote: point an alias at a version. Shows what changes (alias: vX → vY), whether the alias is
 * protected and an approval exists, the newest evaluations of both versions side by side to attach
 * as evidence, and asks for the reason (required).
 */
public final class PromoteDialogView extends FormDialog {
  private final ComboBox<String> alias = new ComboBox<>();
  private final Label aliasError = new Label();
  private final ComboBox<Integer> version = new ComboBox<>();
  private final Label change = new Label();
  private final Label protection = new Label();
  private final Label fromTitle = new Label("Current holder");
  private final Label toTitle = new Label("Target version");
  private final ListView<EvaluationRow> fromEvidence = evidenceList("promote-evidence-from");
  private final ListView<EvaluationRow> toEvidence = evidenceList("promote-evidence-to");
  private final TextArea reason = new TextArea();

  /** What the user chose: evidence as "evaluation:ID" references, comma separated. */
  public record Choice(String alias, int toVersion, String evidence, String reason) {}

  public PromoteDialogView(Window owner, String model, List<Integer> versions, int selected) {
    super(
        owner,
        "promote-dialog",
        "Promote",
        "Point an alias of " + model + " at a version.",
        "Promote");
    alias.setId("promote-alias");
    alias.setEditable(true);
    alias.getItems().setAll("champion", "challenger");
    alias.getEditor().setText("champion");
    aliasError.setId("promote-alias-error");
    aliasError.setWrapText(true);
    aliasError.setStyle("-fx-text-fill: -fd-bad;");
    version.setId("promote-version");
    version.getItems().setAll(versions);
    version.setValue(selected);
    version.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Integer v) {
            return v == null ? "" : "v" + v;
          }

          @Override
          public Integer fromString(String s) {
            return Integer.valueOf(s.replace("v", ""));
          }
        });
    change.setId("promote-change");
    change.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
    protection.setId("promote-protection");
    protection.setWrapText(true);
    reason.setId("promote-reason");
    reason.setPrefRowCount(3);
    reason.setPromptText("Why? (required, recorded in the history and the audit trail)");
    VBox from = new VBox(4, fromTitle, fromEvidence);
    VBox to = new VBox(4, toTitle, toEvidence);
    HBox evidence = new HBox(8, from, to);
    HBox.setHgrow(from, Priority.ALWAYS);
    HBox.setHgrow(to, Priority.ALWAYS);
    row("Alias", new VBox(2, alias, aliasError));
    row("Version", version);
    row("Change", change);
    row("Approval", protection);
    row("Evidence", evidence);
    wide(hint("Select the evaluations that support the move (Ctrl+click for several)."));
    row("Reason", reason);
    disableOkWhen(
        Bindings.createBooleanBinding(
            () ->
                reason.getText().isBlank()
                    || !aliasError.getText().isEmpty()
                    || version.getValue() == null,
            reason.textProperty(),
            aliasError.textProperty(),
            version.valueProperty()));
  }

  private static ListView<EvaluationRow> evidenceList(String id) {
    ListView<EvaluationRow> l = new ListView<>();
    l.setId(id);
    l.setPrefHeight(110);
    l.setPrefWidth(270);
    l.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    l.setPlaceholder(new Label("No evaluations"));
    l.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(EvaluationRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(
                    empty || r == null
                        ? null
                        : "#" + r.id() + " " + r.dataset() + "\n" + r.headline());
              }
            });
    return l;
  }

  /** The alias typed (the controller validates it and reports with {@link #setAliasError}). */
  public ComboBox<String> alias() {
    return alias;
  }

  public String aliasText() {
    return alias.getEditor().getText().strip();
  }

  /** Shows why the alias is not allowed; empty when it is. */
  public void setAliasError(String text) {
    aliasError.setText(text);
  }

  public String aliasError() {
    return aliasError.getText();
  }

  public ComboBox<Integer> version() {
    return version;
  }

  /** Shows the preview of the move. */
  public void setPreview(
      String changeText,
      String protectionText,
      String fromHeading,
      List<EvaluationRow> fromRows,
      String toHeading,
      List<EvaluationRow> toRows) {
    change.setText(changeText);
    protection.setText(protectionText);
    fromTitle.setText(fromHeading);
    toTitle.setText(toHeading);
    fromEvidence.getItems().setAll(fromRows);
    toEvidence.getItems().setAll(toRows);
    if (!toRows.isEmpty()) {
      toEvidence.getSelectionModel().select(0);
    }
  }

  public String changeText() {
    return change.getText();
  }

  public String protectionText() {
    return protection.getText();
  }

  public TextArea reason() {
    return reason;
  }

  /** The evidence chosen, as "evaluation:ID" references. */
  public String evidence() {
    List<String> refs = new ArrayList<>();
    for (ListView<EvaluationRow> l : List.of(toEvidence, fromEvidence)) {
      l.getSelectionModel().getSelectedItems().forEach(r -> refs.add("evaluation:" + r.id()));
    }
    return String.join(",", refs);
  }

  public void show(Consumer<Choice> onPromote) {
    open(
        () ->
            onPromote.accept(
                new Choice(aliasText(), version.getValue(), evidence(), reason.getText().strip())));
  }
}
