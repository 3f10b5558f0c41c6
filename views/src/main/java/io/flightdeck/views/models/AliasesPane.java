package io.flightdeck.views.models;

import static io.flightdeck.views.common.Tables.column;

import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The model's aliases now (with Roll Back on the selected one), the full history of every move, and
 * "which version held this alias at…".
 */
public final class AliasesPane extends VBox {
  private final TableView<AliasRow> current = new TableView<>();
  private final Button rollback = new Button("Roll Back…");
  private final TableView<AliasMoveRow> history = new TableView<>();
  private final ComboBox<String> atAlias = new ComboBox<>();
  private final TextField atTime = new TextField();
  private final Button holderAt = new Button("Holder at…");
  private final Label holderAnswer = new Label();

  AliasesPane() {
    super(6);
    setPadding(new Insets(6));
    current.setId("alias-table");
    current.setPlaceholder(new Label("No aliases. Promote a version to set one."));
    current.getColumns().add(column("Alias", AliasRow::alias, 140));
    current.getColumns().add(column("Version", r -> "v" + r.version(), 80));
    current.getColumns().add(column("Previous", AliasRow::previous, 80));
    current.getColumns().add(column("", AliasRow::protection, 90));
    current.setPrefHeight(120);
    current.setMinHeight(100);
    history.setMinHeight(120);
    rollback.setId("alias-rollback");
    rollback.disableProperty().bind(current.getSelectionModel().selectedItemProperty().isNull());
    history.setId("alias-history");
    history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    current.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    history.setPlaceholder(new Label("No moves yet."));
    history.getColumns().add(column("Alias", AliasMoveRow::alias, 90));
    history.getColumns().add(column("Change", AliasMoveRow::change, 80));
    history.getColumns().add(column("Who", AliasMoveRow::who, 70));
    history.getColumns().add(column("When", AliasMoveRow::when, 135));
    history.getColumns().add(column("Reason", AliasMoveRow::reason, 200));
    history.getColumns().add(column("Evidence", AliasMoveRow::evidence, 100));
    history.getColumns().add(column("Approved by", AliasMoveRow::approvedBy, 85));
    history.getColumns().add(column("Rollback", AliasMoveRow::rollback, 60));
    atAlias.setId("holder-alias");
    atAlias.setPromptText("Alias");
    atTime.setId("holder-time");
    atTime.setPromptText("2026-11-27 14:30 (local time)");
    atTime.setPrefColumnCount(16);
    holderAt.setId("holder-at");
    holderAnswer.setId("holder-answer");
    HBox top =
        new HBox(
            8,
            new Label("Aliases now"),
            io.flightdeck.views.shell.MainView.hgrowSpacer(),
            rollback);
    top.setAlignment(Pos.CENTER_LEFT);
    HBox at =
        new HBox(
            8,
            new Label("Which version held"),
            atAlias,
            new Label("at"),
            atTime,
            holderAt,
            holderAnswer);
    at.setAlignment(Pos.CENTER_LEFT);
    getChildren()
        .addAll(top, current, new Label("History (every move, kept forever)"), history, at);
    VBox.setVgrow(history, Priority.ALWAYS);
  }

  public ObservableList<AliasRow> current() {
    return current.getItems();
  }

  public TableView<AliasRow> currentTable() {
    return current;
  }

  public ObservableList<AliasMoveRow> history() {
    return history.getItems();
  }

  public Button rollbackButton() {
    return rollback;
  }

  public ComboBox<String> holderAlias() {
    return atAlias;
  }

  public TextField holderTime() {
    return atTime;
  }

  public Button holderAtButton() {
    return holderAt;
  }

  public Label holderAnswer() {
    return holderAnswer;
  }
}
