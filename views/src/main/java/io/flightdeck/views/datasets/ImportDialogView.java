package io.flightdeck.views.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The CSV import dialog: detected dialect (editable), dataset name, a preview whose column headers
 * let the user override each column's type and role, and the bad-row policy. Non-blocking: results
 * arrive through a callback.
 */
public final class ImportDialogView {
  /** The delimiters offered, with their labels. */
  public static final List<String> DELIMITERS = List.of(",", ";", "Tab", "|");

  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final TextField name = new TextField();
  private final ComboBox<String> delimiter =
      new ComboBox<>(FXCollections.observableArrayList(DELIMITERS));
  private final CheckBox header = new CheckBox("First line is a header");
  private final ComboBox<String> encoding =
      new ComboBox<>(FXCollections.observableArrayList("UTF-8", "ISO-8859-1"));
  private final CheckBox skipBad = new CheckBox("Skip ragged rows and count them");
  private final Label problem = new Label();
  private final Label fileLabel = new Label();
  private final TableView<List<String>> preview = new TableView<>();
  private final List<ComboBox<String>> typeBoxes = new ArrayList<>();
  private final List<ComboBox<String>> roleBoxes = new ArrayList<>();
  private final List<String> columnNames = new ArrayList<>();
  private final ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
  private Runnable onDialectChanged = () -> {};
  private boolean updating;

  /** Builds the dialog. Call on the FX thread. */
  public ImportDialogView(Window owner, String file, List<String> types, List<String> roles) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Import CSV");
    dialog.setHeaderText("Import " + file);
    dialog.setResizable(true);
    dialog.getDialogPane().setId("import-dialog");
    dialog.getDialogPane().getButtonTypes().addAll(importType, ButtonType.CANCEL);
    name.setId("import-name");
    delimiter.setId("import-delimiter");
    header.setId("import-header");
    encoding.setId("import-encoding");
    skipBad.setId("import-skip-bad");
    problem.setId("import-problem");
    problem.getStyleClass().add("import-problem");
    problem.setWrapText(true);
    preview.setId("import-preview");
    preview.setPrefSize(820, 320);
    fileLabel.setText(file);
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label("Dataset name"), name);
    form.addRow(1, new Label("Delimiter"), delimiter);
    form.addRow(2, new Label("Encoding"), encoding);
    form.add(header, 1, 3);
    form.add(skipBad, 1, 4);
    VBox box =
        new VBox(
            10,
            form,
            problem,
            new Label("Preview (set each column's type and role in its header):"),
            preview);
    box.setPadding(new Insets(8));
    dialog.getDialogPane().setContent(box);
    this.types = List.copyOf(types);
    this.roles = List.copyOf(roles);
    delimiter.valueProperty().addListener((o, a, b) -> fireDialect());
    encoding.valueProperty().addListener((o, a, b) -> fireDialect());
    header.selectedProperty().addListener((o, a, b) -> fireDialect());
    dialog
        .getDialogPane()
        .lookupButton(importType)
        .disableProperty()
        .bind(name.textProperty().isEmpty());
  }

  private final List<String> types;
  private final List<String> roles;

  private void fireDialect() {
    if (!updating) {
      onDialectChanged.run();
    }
  }

  /** Fills the dialect controls without firing change events. */
  public void setDialect(String delimiterLabel, boolean hasHeader, String charset) {
    updating = true;
    try {
      delimiter.setValue(delimiterLabel);
      header.setSelected(hasHeader);
      encoding.setValue(charset);
    } finally {
      updating = false;
    }
  }

  /**
   * Shows the preview: column names, inferred types and roles, first rows; and a problem sentence
   * or "".
   */
  public void setPreview(
      List<String> names,
      List<String> inferredTypes,
      List<String> inferredRoles,
      List<List<String>> rows,
      String problemText) {
    columnNames.clear();
    columnNames.addAll(names);
    typeBoxes.clear();
    roleBoxes.clear();
    preview.getColumns().clear();
    for (int i = 0; i < names.size(); i++) {
      final int index = i;
      TableColumn<List<String>, String> col = new TableColumn<>();
      ComboBox<String> type = new ComboBox<>(FXCollections.observableArrayList(types));
      type.setValue(inferredTypes.get(i));
      type.setId("import-type-" + i);
      ComboBox<String> role = new ComboBox<>(FXCollections.observableArrayList(roles));
      role.setValue(inferredRoles.get(i));
      role.setId("import-role-" + i);
      typeBoxes.add(type);
      roleBoxes.add(role);
      col.setGraphic(new VBox(2, new Label(names.get(i)), type, role));
      col.setCellValueFactory(
          cd ->
              new ReadOnlyObjectWrapper<>(
                  index < cd.getValue().size() ? cd.getValue().get(index) : ""));
      col.setPrefWidth(130);
      preview.getColumns().add(col);
    }
    preview.getItems().setAll(rows);
    problem.setText(problemText);
    problem.setVisible(!problemText.isEmpty());
    problem.setManaged(!problemText.isEmpty());
  }

  public void setDatasetName(String value) {
    name.setText(value);
  }

  /** The current choices. */
  public ImportChoices choices() {
    List<ImportChoices.Column> cols = new ArrayList<>();
    for (int i = 0; i < columnNames.size(); i++) {
      cols.add(
          new ImportChoices.Column(
              columnNames.get(i), typeBoxes.get(i).getValue(), roleBoxes.get(i).getValue()));
    }
    String d = delimiter.getValue() == null ? "," : delimiter.getValue();
    char delim = d.equals("Tab") ? '\t' : d.charAt(0);
    return new ImportChoices(
        name.getText().strip(),
        delim,
        header.isSelected(),
        encoding.getValue(),
        skipBad.isSelected(),
        cols);
  }

  /** Called when the user changes the delimiter, header or encoding (re-preview). */
  public void setOnDialectChanged(Runnable r) {
    onDialectChanged = r;
  }

  /** Shows the dialog; {@code onImport} gets the choices when the user presses Import. */
  public void show(Consumer<ImportChoices> onImport) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    dialog.setOnHidden(
        e -> {
          if (done[0]) {
            return;
          }
          done[0] = true;
          if (dialog.getResult() == importType) {
            onImport.accept(choices());
          }
        });
    dialog.show();
  }

  /** Presses Import programmatically (keyboard users press Enter; tests call this). */
  public void confirm() {
    dialog.setResult(importType);
  }

  /** The label for a delimiter character. */
  public static String labelOf(char delimiter) {
    return delimiter == '\t' ? "Tab" : Character.toString(delimiter);
  }
}
