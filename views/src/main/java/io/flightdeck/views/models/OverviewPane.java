package io.flightdeck.views.models;

import static io.flightdeck.views.common.Tables.column;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A version's overview: facts (opset, producer, task, hash, source), the ONNX signature, features
 * and labels, tags, and the editable model card (intended use, limitations, notes) with Save.
 */
public final class OverviewPane extends javafx.scene.control.SplitPane {
  private final TextArea facts = new TextArea();
  private final TableView<SignatureRow> signature = new TableView<>();
  private final Label features = new Label();
  private final TextField description = new TextField();
  private final TextArea intendedUse = new TextArea();
  private final TextArea limitations = new TextArea();
  private final TextArea notes = new TextArea();
  private final TextField tags = new TextField();
  private final Button save = new Button("Save Card");
  private final StringProperty saved = new SimpleStringProperty("");
  private final Label state = new Label();

  OverviewPane() {
    facts.setId("model-facts");
    facts.setEditable(false);
    facts.setWrapText(false);
    facts.setPrefRowCount(8);
    facts.setMinHeight(150);
    facts.setStyle("-fx-font-family: monospace;");
    signature.setId("model-signature");
    signature.setPlaceholder(new Label("Select a version."));
    signature.getColumns().add(column("", SignatureRow::kind, 60));
    signature.getColumns().add(column("Name", SignatureRow::name, 160));
    signature.getColumns().add(column("Type", SignatureRow::type, 80));
    signature.getColumns().add(column("Shape", SignatureRow::shape, 110));
    features.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    features.setId("model-features");
    features.setWrapText(true);
    VBox left = new VBox(6, facts, signature, features);
    VBox.setVgrow(signature, Priority.ALWAYS);
    left.setPadding(new Insets(6));

    description.setId("model-description");
    intendedUse.setId("card-intended-use");
    limitations.setId("card-limitations");
    notes.setId("card-notes");
    tags.setId("model-tags");
    tags.setPromptText("key=value, key2=value2");
    for (TextArea a : new TextArea[] {intendedUse, limitations, notes}) {
      a.setWrapText(true);
      a.setPrefRowCount(3);
    }
    save.setId("card-save");
    state.setId("card-state");
    save.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> cardText().equals(saved.get()),
                saved,
                description.textProperty(),
                intendedUse.textProperty(),
                limitations.textProperty(),
                notes.textProperty(),
                tags.textProperty()));
    state
        .textProperty()
        .bind(Bindings.when(save.disabledProperty()).then("").otherwise("Unsaved changes"));
    GridPane card = new GridPane();
    card.setHgap(8);
    card.setVgap(6);
    card.setPadding(new Insets(6));
    card.addRow(0, label("Description"), description);
    card.addRow(1, label("Intended use"), intendedUse);
    card.addRow(2, label("Limitations"), limitations);
    card.addRow(3, label("Notes"), notes);
    card.addRow(4, label("Tags"), tags);
    GridPane.setHgrow(notes, Priority.ALWAYS);
    HBox bar = new HBox(8, state, io.flightdeck.views.shell.MainView.hgrowSpacer(), save);
    card.add(bar, 1, 5);
    getItems().addAll(left, card);
    setDividerPositions(0.5);
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }

  private String cardText() {
    return String.join(
        "\u0000",
        description.getText(),
        intendedUse.getText(),
        limitations.getText(),
        notes.getText(),
        tags.getText());
  }

  /** Shows a version: facts, signature rows, features and labels, and its editable card. */
  public void show(
      String factsText,
      java.util.List<SignatureRow> rows,
      String featureText,
      String desc,
      String use,
      String limits,
      String note,
      String tagText) {
    facts.setText(factsText);
    signature.getItems().setAll(rows);
    features.setText(featureText);
    description.setText(desc);
    intendedUse.setText(use);
    limitations.setText(limits);
    notes.setText(note);
    tags.setText(tagText);
    markSaved();
  }

  /** The edited card is now what is stored. */
  public void markSaved() {
    saved.set(cardText());
  }

  public ObservableList<SignatureRow> signatureRows() {
    return signature.getItems();
  }

  public String factsText() {
    return facts.getText();
  }

  public TextField description() {
    return description;
  }

  public TextArea intendedUse() {
    return intendedUse;
  }

  public TextArea limitations() {
    return limitations;
  }

  public TextArea notes() {
    return notes;
  }

  public TextField tags() {
    return tags;
  }

  public Button saveButton() {
    return save;
  }
}
