package io.flightdeck.views.models;

import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** The Models section's actions. */
public final class ModelsToolbar extends ToolBar {
  private final Button register =
      button("models-register", "Register…", "Register an .onnx file (or drop files here)");
  private final Button evaluate =
      button("models-evaluate", "Evaluate…", "Score a dataset version; store metrics and charts");
  private final Button promote =
      button("models-promote", "Promote…", "Point an alias (champion…) at the selected version");
  private final Button rollback =
      button(
          "models-rollback",
          "Roll Back",
          "Move the alias selected in the Aliases tab back to its previous holder");
  private final Button approve =
      button("models-approve", "Approve…", "Approve moving a protected alias to this version");
  private final Button protect =
      button("models-protect", "Protect…", "Choose which aliases need an approval to move");
  private final Button delete =
      button("models-delete", "Delete…", "Delete the version (its number is never reused)");
  private final MenuButton score = new MenuButton("Score");
  private final MenuItem exportMlflow = new MenuItem("Export Version as MLflow Model…");
  private final MenuItem importMlflow = new MenuItem("Import MLflow Model Folder…");
  private final MenuButton mlflow = new MenuButton("MLflow", null, exportMlflow, importMlflow);
  private final Button verify =
      button("models-verify", "Verify Registry", "Re-hash every stored model artifact");

  ModelsToolbar() {
    mlflow.setId("models-mlflow");
    score.setId("models-score");
    score.setTooltip(
        new Tooltip(
            "Score a dataset version with the selected model version; the predictions become a new"
                + " dataset version"));
    exportMlflow.setId("models-export");
    importMlflow.setId("models-import");
    getItems()
        .addAll(
            register,
            evaluate,
            score,
            promote,
            rollback,
            approve,
            protect,
            delete,
            new Separator(Orientation.VERTICAL),
            mlflow,
            verify);
  }

  /** Disables what needs a selection while there is none. */
  void bind(BooleanExpression noVersion, BooleanExpression noModel, BooleanExpression noAlias) {
    for (Button b : new Button[] {evaluate, promote, approve, delete}) {
      b.disableProperty().bind(noVersion);
    }
    exportMlflow.disableProperty().bind(noVersion);
    score.disableProperty().bind(noVersion);
    protect.disableProperty().bind(noModel);
    rollback.disableProperty().bind(noAlias);
  }

  private static Button button(String id, String text, String tip) {
    Button b = new Button(text);
    b.setId(id);
    b.setTooltip(new Tooltip(tip));
    return b;
  }

  public Button registerButton() {
    return register;
  }

  public Button evaluateButton() {
    return evaluate;
  }

  public Button promoteButton() {
    return promote;
  }

  public Button rollbackButton() {
    return rollback;
  }

  public Button approveButton() {
    return approve;
  }

  public Button protectButton() {
    return protect;
  }

  public Button deleteButton() {
    return delete;
  }

  /** Shows the dataset versions that can be scored; each item scores one. */
  public void setScoreChoices(
      java.util.List<String> datasetVersions, java.util.function.Consumer<String> onScore) {
    score.getItems().clear();
    if (datasetVersions.isEmpty()) {
      MenuItem none = new MenuItem("No dataset versions");
      none.setDisable(true);
      score.getItems().add(none);
    }
    for (String v : datasetVersions) {
      MenuItem item = new MenuItem(v);
      item.setId("models-score-" + v.replace(':', '-'));
      item.setOnAction(e -> onScore.accept(v));
      score.getItems().add(item);
    }
  }

  public MenuButton scoreMenu() {
    return score;
  }

  public MenuItem exportItem() {
    return exportMlflow;
  }

  public MenuItem importItem() {
    return importMlflow;
  }

  public Button verifyButton() {
    return verify;
  }
}
