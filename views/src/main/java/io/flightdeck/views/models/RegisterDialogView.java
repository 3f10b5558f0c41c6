package io.flightdeck.views.models;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Register Model: under which model name (existing or new), with a description. */
public final class RegisterDialogView extends FormDialog {
  private final ComboBox<String> name = new ComboBox<>();
  private final TextField description = new TextField();

  /**
   * @param source what is registered ("model.onnx", "run 3f2a…: model/model.onnx")
   * @param existing model names to offer
   */
  public RegisterDialogView(Window owner, String source, List<String> existing, String suggested) {
    super(
        owner,
        "register-dialog",
        "Register Model",
        "Register " + source + " as a new model version.",
        "Register");
    name.setId("register-name");
    name.setEditable(true);
    name.getItems().setAll(existing);
    name.getEditor().setText(suggested);
    name.setMaxWidth(Double.MAX_VALUE);
    description.setId("register-description");
    Label what = new Label(source);
    what.setWrapText(true);
    row("File", what);
    row("Model", name);
    row("Description", description);
    wide(
        hint(
            "The file is opened in a separate process and must be a plain ONNX model: no pickle, no"
                + " zip. Its signature is read and one sample row is scored before it is stored."));
    disableOkWhen(name.getEditor().textProperty().isEmpty());
  }

  public ComboBox<String> name() {
    return name;
  }

  public TextField description() {
    return description;
  }

  /** Shows the dialog; {@code onRegister} gets {name, description}. */
  public void show(Consumer<String[]> onRegister) {
    open(
        () ->
            onRegister.accept(
                new String[] {name.getEditor().getText().strip(), description.getText().strip()}));
  }
}
