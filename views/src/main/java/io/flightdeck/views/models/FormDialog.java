package io.flightdeck.views.models;

import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A non-blocking dialog of labelled fields with a problem line at the top (the controller shows why
 * the last try was refused) and an OK button enabled only while the input is complete.
 */
public class FormDialog {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final ButtonType ok;
  private final GridPane grid = new GridPane();
  private final Label problem = new Label();
  private final VBox content;
  private int rows;

  protected FormDialog(Window owner, String id, String title, String header, String action) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(title);
    dialog.setHeaderText(header);
    dialog.setResizable(true);
    dialog.getDialogPane().setId(id);
    ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
    problem.setId(id + "-problem");
    problem.setWrapText(true);
    problem.setMaxWidth(560);
    problem.setStyle("-fx-text-fill: -fd-bad;");
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    grid.setHgap(8);
    grid.setVgap(6);
    grid.setPadding(new Insets(4));
    content = new VBox(8, problem, grid);
    content.setPrefWidth(600);
    dialog.getDialogPane().setContent(content);
  }

  /** Adds a labelled row. */
  protected void row(String label, Node field) {
    Label l = new Label(label);
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    grid.addRow(rows++, l, field);
    javafx.scene.layout.GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
  }

  /** Adds a full-width row. */
  protected void wide(Node node) {
    grid.add(node, 0, rows++, 2, 1);
  }

  /** OK stays disabled while {@code incomplete} holds. */
  protected void disableOkWhen(BooleanExpression incomplete) {
    dialog.getDialogPane().lookupButton(ok).disableProperty().bind(incomplete);
  }

  /** A muted explanation line. */
  protected static Label hint(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMaxWidth(460);
    l.setStyle("-fx-text-fill: -fd-muted;");
    return l;
  }

  /** Shows why the last try was refused. */
  public void showProblem(String message) {
    problem.setText(message);
  }

  public String problem() {
    return problem.getText();
  }

  /** Whether OK can be pressed now. */
  public boolean okEnabled() {
    return !dialog.getDialogPane().lookupButton(ok).isDisabled();
  }

  /** Shows the dialog; {@code onOk} runs when the user confirms. */
  protected void open(Runnable onOk) {
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

  /** Presses OK (tests, keyboard users); ignored while it is disabled. */
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
