package io.flightdeck.views.hosts;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Add Host / Edit Host: name, address, login, limits, and an import from {@code ~/.ssh/config}. The
 * controller checks the fields as they change and shows the problem under them; OK stays disabled
 * while there is one. Non-blocking.
 */
public final class HostDialogView {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final ButtonType ok;
  private final TextField name = field("hostName", "gpu-box-1");
  private final TextField hostname = field("hostHostname", "gpu1.lab.example or 10.0.0.5");
  private final TextField port = field("hostPort", "22");
  private final TextField user = field("hostUser", "");
  private final ComboBox<AuthChoice> auth = new ComboBox<>();
  private final TextField keyFile = field("hostKeyFile", "~/.ssh/id_ed25519");
  private final Button chooseKey = new Button("_Choose…");
  private final TextField maxJobs = field("hostMaxJobs", "2");
  private final TextField java = field("hostJava", "java");
  private final MenuButton importMenu = new MenuButton("_Import from ~/.ssh/config");
  private final Label problem = new Label();
  private final BooleanProperty invalid = new SimpleBooleanProperty(true);
  private final GridPane grid = new GridPane();
  private int rows;

  /**
   * @param adding true for Add Host (the name can be typed), false for Edit Host (it cannot)
   * @param initial what the fields start with
   */
  public HostDialogView(Window owner, boolean adding, HostFields initial) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(adding ? "Add Host" : "Edit Host");
    dialog.setHeaderText(
        adding
            ? "A host Flightdeck reaches over SSH. Nothing needs to be installed there but Java 17+."
            : "Change how Flightdeck reaches " + initial.name() + ".");
    dialog.setResizable(true);
    dialog.getDialogPane().setId("host-dialog");
    ok = new ButtonType(adding ? "Add" : "Save", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(ok).setId("hostOk");
    dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("hostCancel");
    dialog.getDialogPane().lookupButton(ok).disableProperty().bind(invalid);
    auth.setId("hostAuth");
    auth.getItems().setAll(AuthChoice.values());
    chooseKey.setId("chooseKeyFile");
    importMenu.setId("importSshConfig");
    importMenu.setDisable(true);
    name.setDisable(!adding);
    port.setPrefColumnCount(6);
    maxJobs.setPrefColumnCount(6);
    HBox keyRow = new HBox(6, keyFile, chooseKey);
    HBox.setHgrow(keyFile, Priority.ALWAYS);
    keyRow.disableProperty().bind(auth.valueProperty().isNotEqualTo(AuthChoice.KEY_FILE));
    grid.setHgap(8);
    grid.setVgap(6);
    grid.setPadding(new Insets(4));
    row("_Name", name);
    row("Host_name", hostname);
    row("_Port", port);
    row("_User", user);
    row("_Authentication", auth);
    row("_Key file", keyRow, keyFile);
    row("_Max jobs at once", maxJobs);
    row("_Java command", java);
    problem.setId("hostProblem");
    problem.setWrapText(true);
    problem.setMaxWidth(540);
    problem.setStyle("-fx-text-fill: -fd-bad;");
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    VBox content = new VBox(8, importMenu, grid, problem);
    content.setPrefWidth(580);
    dialog.getDialogPane().setContent(content);
    fill(initial);
  }

  private static TextField field(String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    return f;
  }

  private void row(String label, Node field) {
    row(label, field, field);
  }

  private void row(String label, Node field, Node target) {
    Label l = new Label(label);
    l.setMnemonicParsing(true);
    l.setLabelFor(target);
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    grid.addRow(rows++, l, field);
    GridPane.setHgrow(field, Priority.ALWAYS);
  }

  /** What the fields hold now. */
  public HostFields fields() {
    return new HostFields(
        name.getText(),
        hostname.getText(),
        port.getText(),
        user.getText(),
        auth.getValue(),
        keyFile.getText(),
        maxJobs.getText(),
        java.getText());
  }

  /** Sets every field (an import keeps the name of a host being edited). */
  public void fill(HostFields f) {
    if (!name.isDisabled() || name.getText().isEmpty()) {
      name.setText(f.name());
    }
    hostname.setText(f.hostname());
    port.setText(f.port());
    user.setText(f.user());
    auth.setValue(f.auth());
    keyFile.setText(f.keyFile());
    maxJobs.setText(f.maxJobs());
    java.setText(f.java());
  }

  /** Calls {@code action} whenever a field changes. */
  public void setOnChange(Runnable action) {
    for (TextField f : new TextField[] {name, hostname, port, user, keyFile, maxJobs, java}) {
      f.textProperty().addListener((o, a, b) -> action.run());
    }
    auth.valueProperty().addListener((o, a, b) -> action.run());
  }

  /** Offers the Host aliases of {@code ~/.ssh/config}; choosing one calls {@code onImport}. */
  public void setImports(List<String> aliases, Consumer<String> onImport) {
    importMenu.getItems().clear();
    for (String alias : aliases) {
      MenuItem item = new MenuItem(alias);
      item.setMnemonicParsing(false);
      item.setOnAction(e -> onImport.accept(alias));
      importMenu.getItems().add(item);
    }
    importMenu.setDisable(aliases.isEmpty());
  }

  public MenuButton importMenu() {
    return importMenu;
  }

  /** The key file chooser button calls {@code action}. */
  public void setOnChooseKeyFile(Runnable action) {
    chooseKey.setOnAction(e -> action.run());
  }

  public void setKeyFile(String path) {
    keyFile.setText(path);
  }

  /** Shows the problem with the fields under them; empty when there is none to show. */
  public void showProblem(String message) {
    problem.setText(message);
  }

  public String problem() {
    return problem.getText();
  }

  /** Whether OK may be pressed (the controller's verdict on the fields). */
  public void setValid(boolean valid) {
    invalid.set(!valid);
  }

  public boolean okEnabled() {
    return !invalid.get();
  }

  /** Shows the dialog; {@code onOk} runs when the user confirms. */
  public void show(Runnable onOk) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    dialog.setOnHidden(
        e -> {
          if (!done[0]) {
            done[0] = true;
            if (dialog.getResult() == ok) {
              onOk.run();
            }
          }
        });
    dialog.show();
  }

  /** Presses OK (tests, keyboard users); ignored while the fields are not valid. */
  public void confirm() {
    if (okEnabled()) {
      dialog.setResult(ok);
    }
  }

  /** Presses Cancel. */
  public void cancel() {
    dialog.setResult(ButtonType.CANCEL);
  }
}
