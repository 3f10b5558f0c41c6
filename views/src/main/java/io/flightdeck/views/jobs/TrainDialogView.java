package io.flightdeck.views.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Train dialog: a built-in training job (dataset version, target, features, model,
 * hyperparameters) or a command job (command line, working folder, environment, output folder, and
 * for a remote host the files to copy there), on this machine or a host of the inventory.
 * Non-blocking: the choices arrive through a callback; the controller fills the lists and reopens
 * it with a problem shown when the service refuses the request.
 */
public final class TrainDialogView {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
  private final TabPane kinds = new TabPane();
  private final Tab builtin = new Tab("Built-in model");
  private final Tab command = new Tab("Command");
  private final TrainingDataFields data = new TrainingDataFields("train");
  private final Map<String, TextField> params = new LinkedHashMap<>();
  private final TextField commandLine = new TextField();
  private final TextField workdir = new TextField();
  private final TextArea env = new TextArea();
  private final TextField outputDir = new TextField("outputs");
  private final TextField experiment = new TextField("Default");
  private final TextField runName = new TextField();
  private final ComboBox<String> host = new ComboBox<>();
  private final UploadPicker uploads = new UploadPicker();
  private final Label problem = new Label();

  /**
   * Builds the dialog. Call on the FX thread.
   *
   * @param paramDefaults hyperparameter names and default values, in display order
   */
  public TrainDialogView(Window owner, Map<String, String> paramDefaults) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Train");
    dialog.setHeaderText("Start a tracked run on this machine or on a host of the inventory.");
    dialog.setResizable(true);
    dialog.getDialogPane().setId("train-dialog");
    commandLine.setId("train-command");
    commandLine.setPromptText("python3 train.py --lr 0.01");
    workdir.setId("train-workdir");
    env.setId("train-env");
    env.setPromptText("KEY=VALUE, one per line");
    env.setPrefRowCount(3);
    outputDir.setId("train-output");
    experiment.setId("train-experiment");
    runName.setId("train-run-name");
    host.setId("train-host");
    host.setMaxWidth(Double.MAX_VALUE);
    problem.setId("train-problem");
    problem.setWrapText(true);
    problem.getStyleClass().add("import-problem");

    GridPane b = grid();
    int r = data.addTo(b, 0, hint("None selected = every numeric column but the target."));
    for (Map.Entry<String, String> e : paramDefaults.entrySet()) {
      TextField f = new TextField(e.getValue());
      f.setId("train-param-" + e.getKey());
      params.put(e.getKey(), f);
      b.addRow(r++, new Label(e.getKey()), f);
    }
    builtin.setContent(b);
    builtin.setClosable(false);
    GridPane c = grid();
    c.addRow(0, new Label("Command"), commandLine);
    c.addRow(1, new Label("Working folder"), workdir);
    c.addRow(2, new Label("Environment"), env);
    c.addRow(3, new Label("Output folder"), outputDir);
    c.addRow(4, new Label("Files to upload"), uploads);
    c.add(
        hint(
            "Report with '##flightdeck metric KEY VALUE [STEP]' lines, or MLflow's REST API"
                + " (MLFLOW_TRACKING_URI and MLFLOW_RUN_ID are set). Files in the output folder"
                + " become artifacts."),
        1,
        5);
    command.setContent(c);
    command.setClosable(false);
    kinds.getTabs().addAll(builtin, command);
    kinds.setId("train-kind");
    GridPane common = grid();
    common.addRow(0, new Label("Run on"), host);
    common.addRow(1, new Label("Experiment"), experiment);
    common.addRow(2, new Label("Run name"), runName);
    for (GridPane g : new GridPane[] {b, c, common}) {
      unsqueezedLabels(g);
    }
    VBox content = new VBox(8, problem, kinds, common);
    content.setPrefWidth(620);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
  }

  static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.setPadding(new Insets(8));
    return g;
  }

  /** The field names keep their width; the fields give way instead. */
  static void unsqueezedLabels(GridPane g) {
    for (javafx.scene.Node n : g.getChildren()) {
      Integer col = GridPane.getColumnIndex(n);
      if (n instanceof Label l && (col == null || col == 0)) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
    }
  }

  static Label hint(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMaxWidth(440);
    l.getStyleClass().add("hint");
    return l;
  }

  /** The dataset choice (the controller fills it and reacts to changes). */
  public ComboBox<String> dataset() {
    return data.dataset();
  }

  /** Dataset version, target, features and model. */
  public TrainingDataFields data() {
    return data;
  }

  /** Offers where to run; the first entry (this machine) is chosen. */
  public void setHosts(List<String> names) {
    host.getItems().setAll(names);
    if (!names.isEmpty()) {
      host.getSelectionModel().select(0);
    }
  }

  /** Where to run (the controller fills it and reacts to changes). */
  public ComboBox<String> host() {
    return host;
  }

  /** The files of the working folder to copy to a remote host. */
  public UploadPicker uploads() {
    return uploads;
  }

  /** The working folder of a command job. */
  public TextField workdirField() {
    return workdir;
  }

  /** Opens on the command tab (Run Command...). */
  public void selectCommand(String workingFolder) {
    kinds.getSelectionModel().select(command);
    workdir.setText(workingFolder);
  }

  /** Shows why the last request was refused. */
  public void showProblem(String message) {
    problem.setText(message);
  }

  /** Re-fills the dialog with earlier choices (after a refusal). */
  public void restore(TrainChoices c) {
    kinds.getSelectionModel().select(c.command() ? command : builtin);
    data.restore(c.dataset(), c.target(), c.features(), c.model());
    c.params()
        .forEach(
            (k, v) ->
                params.computeIfPresent(
                    k,
                    (kk, f) -> {
                      f.setText(v);
                      return f;
                    }));
    commandLine.setText(c.commandLine());
    workdir.setText(c.workdir());
    env.setText(c.env());
    outputDir.setText(c.outputDir());
    experiment.setText(c.experiment());
    runName.setText(c.runName());
    uploads.setFiles(c.uploads(), c.uploads(), "");
    host.setValue(c.host());
  }

  /** The current choices. */
  public TrainChoices choices() {
    Map<String, String> p = new LinkedHashMap<>();
    params.forEach((k, f) -> p.put(k, f.getText()));
    return new TrainChoices(
        kinds.getSelectionModel().getSelectedItem() == command,
        data.datasetValue(),
        data.targetValue(),
        data.chosenFeatures(),
        data.model().getValue(),
        p,
        commandLine.getText(),
        workdir.getText(),
        env.getText(),
        outputDir.getText(),
        experiment.getText(),
        runName.getText(),
        host.getValue() == null ? "" : host.getValue(),
        uploads.selected());
  }

  /** Test and controller access to fields by purpose. */
  public TextField commandLineField() {
    return commandLine;
  }

  public ComboBox<String> target() {
    return data.target();
  }

  public ComboBox<String> model() {
    return data.model();
  }

  public TextField param(String name) {
    return params.get(name);
  }

  /** Shows the dialog; {@code onStart} gets the choices when the user presses Start. */
  public void show(Consumer<TrainChoices> onStart) {
    boolean[] done = {false}; // onHidden may fire twice; act once (FX thread)
    dialog.setOnHidden(
        e -> {
          if (done[0]) {
            return;
          }
          done[0] = true;
          if (dialog.getResult() == start) {
            onStart.accept(choices());
          }
        });
    dialog.show();
  }

  /** Presses Start programmatically. */
  public void confirm() {
    dialog.setResult(start);
  }
}
