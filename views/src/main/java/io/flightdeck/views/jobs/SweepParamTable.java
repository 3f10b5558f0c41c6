package io.flightdeck.views.jobs;

import io.flightdeck.views.jobs.SweepChoices.SweepParam;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Sweep dialog's hyperparameter table: one row per key (a known name or any other) with its
 * values, a remove button per row and an Add button. Reports every edit.
 */
final class SweepParamTable extends VBox {
  private record Row(ComboBox<String> key, TextField values) {}

  private final GridPane grid = new GridPane();
  private final List<Row> rows = new ArrayList<>();
  private final Button add = new Button("Add Hyperparameter");
  private final List<String> knownKeys;
  private Runnable onChange = () -> {};
  private String valuesPrompt = "";

  SweepParamTable(Collection<String> knownKeys) {
    super(6);
    this.knownKeys = List.copyOf(knownKeys);
    setId("sweep-params");
    grid.setHgap(6);
    grid.setVgap(4);
    add.setId("sweep-param-add");
    add.setOnAction(e -> addRow("", ""));
    getChildren().addAll(grid, add);
  }

  void setOnChange(Runnable r) {
    onChange = r;
  }

  void setValuesPrompt(String prompt) {
    valuesPrompt = prompt;
    rows.forEach(r -> r.values().setPromptText(prompt));
  }

  void setRows(List<SweepParam> params) {
    rows.clear();
    params.forEach(p -> rows.add(newRow(p.key(), p.values())));
    layoutRows();
    onChange.run();
  }

  void addRow(String key, String values) {
    rows.add(newRow(key, values));
    layoutRows();
    onChange.run();
  }

  List<SweepParam> params() {
    return rows.stream()
        .map(r -> new SweepParam(r.key().getEditor().getText(), r.values().getText()))
        .toList();
  }

  private Row newRow(String key, String values) {
    ComboBox<String> k = new ComboBox<>();
    k.setEditable(true);
    k.getItems().setAll(knownKeys);
    k.getEditor().setText(key);
    k.setPromptText("name");
    k.setPrefWidth(170);
    TextField v = new TextField(values);
    v.setPromptText(valuesPrompt);
    k.getEditor().textProperty().addListener((o, a, b) -> onChange.run());
    k.valueProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && !b.equals(k.getEditor().getText())) {
                k.getEditor().setText(b);
              }
            });
    v.textProperty().addListener((o, a, b) -> onChange.run());
    return new Row(k, v);
  }

  private void layoutRows() {
    grid.getChildren().clear();
    if (rows.isEmpty()) {
      grid.add(new Label("No hyperparameters: add one to sweep over."), 0, 0, 3, 1);
    }
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      r.key().setId("sweep-param-key-" + i);
      r.values().setId("sweep-param-values-" + i);
      GridPane.setHgrow(r.values(), Priority.ALWAYS);
      Button remove = new Button("✕");
      remove.setId("sweep-param-remove-" + i);
      remove.setOnAction(
          e -> {
            rows.remove(r);
            layoutRows();
            onChange.run();
          });
      grid.addRow(i, r.key(), r.values(), remove);
    }
  }
}
