package io.flightdeck.views.jobs;

import io.flightdeck.views.jobs.SweepChoices.HostSlot;
import io.flightdeck.views.jobs.SweepChoices.SweepParam;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Sweep dialog: what to train on (as Train), the sweep's name, grid or random, a table of
 * hyperparameters, trials and seed for random, the hosts to spread the trials over (each with its
 * jobs at once), and a live preview of the plan. Passive: the controller fills the lists, computes
 * the preview on every change ({@link #setOnChange}) and enables Start through {@link
 * #validProperty}.
 */
public final class SweepDialogView {
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final ButtonType start = new ButtonType("Start Sweep", ButtonBar.ButtonData.OK_DONE);
  private final TrainingDataFields data = new TrainingDataFields("sweep");
  private final TextField name = new TextField();
  private final ToggleGroup kind = new ToggleGroup();
  private final RadioButton grid = new RadioButton("Grid");
  private final RadioButton random = new RadioButton("Random");
  private final SweepParamTable params;
  private final Label paramsHint = TrainDialogView.hint("");
  private final TextField trials = new TextField("10");
  private final TextField seed = new TextField("42");
  private final TextField experiment = new TextField("Default");
  private final VBox hosts = new VBox(4);
  private final Map<String, CheckBox> hostBoxes = new LinkedHashMap<>();
  private final Label preview = new Label();
  private final BooleanProperty valid = new SimpleBooleanProperty(false);
  private Runnable onChange = () -> {};

  /**
   * Builds the dialog. Call on the FX thread.
   *
   * @param knownKeys hyperparameter names offered in the table's key column
   * @param defaultName the sweep's name until the user types another
   */
  public SweepDialogView(Window owner, Collection<String> knownKeys, String defaultName) {
    if (owner != null) {
      dialog.initOwner(owner);
      if (owner.getScene() != null) { // the window's theme, for its colours
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
      }
    }
    params = new SweepParamTable(knownKeys);
    dialog.setTitle("Sweep");
    dialog.setHeaderText(
        "Train one run per grid combination or random draw, spread over hosts in parallel.\n"
            + "Runs are tagged flightdeck.sweep=NAME: Runs ▸ Group by that tag compares them.");
    dialog.setResizable(true);
    dialog.getDialogPane().setId("sweep-dialog");
    name.setId("sweep-name");
    name.setText(defaultName);
    grid.setId("sweep-grid");
    random.setId("sweep-random");
    grid.setToggleGroup(kind);
    random.setToggleGroup(kind);
    grid.setSelected(true);
    trials.setId("sweep-trials");
    trials.setPrefColumnCount(5);
    seed.setId("sweep-seed");
    seed.setPrefColumnCount(8);
    experiment.setId("sweep-experiment");
    hosts.setId("sweep-hosts");
    paramsHint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    preview.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    preview.setId("sweep-preview");
    preview.setWrapText(true);
    preview.setMaxWidth(600);
    preview.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));

    GridPane g = TrainDialogView.grid();
    int r =
        data.addTo(
            g, 0, TrainDialogView.hint("None selected = every numeric column but the target."));
    g.addRow(r++, new Label("Sweep name"), name);
    g.addRow(r++, new Label("Kind"), new HBox(12, grid, random));
    g.addRow(r++, new Label("Hyperparameters"), params);
    g.add(paramsHint, 1, r++);
    HBox randomRow = new HBox(8, trials, new Label("Seed"), seed);
    randomRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    randomRow.disableProperty().bind(grid.selectedProperty());
    g.addRow(r++, new Label("Trials"), randomRow);
    g.addRow(r++, new Label("Experiment"), experiment);
    g.addRow(r++, new Label("Run on"), hosts);
    TrainDialogView.unsqueezedLabels(g);
    VBox content = new VBox(8, g, preview);
    content.setPrefWidth(640);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(start).disableProperty().bind(valid.not());

    kind.selectedToggleProperty().addListener((o, a, b) -> kindChanged());
    params.setOnChange(this::changed);
    for (TextField f : new TextField[] {name, trials, seed, experiment}) {
      f.textProperty().addListener((o, a, b) -> changed());
    }
    data.dataset().valueProperty().addListener((o, a, b) -> changed());
    data.target().valueProperty().addListener((o, a, b) -> changed());
    kindChanged();
  }

  private void kindChanged() {
    boolean r = random.isSelected();
    params.setValuesPrompt(r ? "3..20, log:0.01..1 or a,b" : "5,10");
    paramsHint.setText(
        r
            ? "Each trial draws: LO..HI uniformly (whole numbers if both ends are), log:LO..HI"
                + " log-uniformly, A,B,C one of them."
            : "Every combination runs: epochs 5,10 with learningRate 0.1,0.5 gives 4 trials.");
    changed();
  }

  private void changed() {
    onChange.run();
  }

  /** Called on every edit that may change the plan. */
  public void setOnChange(Runnable r) {
    onChange = r;
  }

  /** Dataset version, target, features and model. */
  public TrainingDataFields data() {
    return data;
  }

  /** Offers the hosts; only those named in {@code checked} start checked. */
  public void setHosts(List<HostSlot> slots, Collection<String> checked) {
    hosts.getChildren().clear();
    hostBoxes.clear();
    for (HostSlot s : slots) {
      CheckBox b =
          new CheckBox(
              s.name() + "  (" + s.maxJobs() + (s.maxJobs() == 1 ? " job" : " jobs") + " at once)");
      b.setId("sweep-host-" + s.name());
      b.setSelected(checked.contains(s.name()));
      b.selectedProperty().addListener((o, a, c) -> changed());
      hostBoxes.put(s.name(), b);
      hosts.getChildren().add(b);
    }
    changed();
  }

  /** The check box of a host (tests). */
  public CheckBox host(String hostName) {
    return hostBoxes.get(hostName);
  }

  /** Replaces the hyperparameter rows. */
  public void setParams(List<SweepParam> rows) {
    params.setRows(rows);
  }

  /** Chooses grid (false) or random (true). */
  public void setRandom(boolean r) {
    (r ? random : grid).setSelected(true);
  }

  public TextField nameField() {
    return name;
  }

  public TextField trialsField() {
    return trials;
  }

  /** Shows the plan ("4 trials over 2 hosts") or why there is none; Start follows {@code ok}. */
  public void showPreview(String text, boolean ok) {
    preview.setText(text);
    preview.setStyle(ok ? "" : "-fx-text-fill: -fd-bad;");
    valid.set(ok);
  }

  public String previewText() {
    return preview.getText();
  }

  /** Whether Start is enabled (state). */
  public BooleanProperty validProperty() {
    return valid;
  }

  /** The Start button. */
  public Node startButton() {
    return dialog.getDialogPane().lookupButton(start);
  }

  /** The dialog's pane (screenshots). */
  public DialogPane pane() {
    return dialog.getDialogPane();
  }

  /** The current choices. */
  public SweepChoices choices() {
    return new SweepChoices(
        data.datasetValue(),
        data.targetValue(),
        data.chosenFeatures(),
        data.model().getValue(),
        name.getText(),
        random.isSelected(),
        params.params(),
        trials.getText(),
        seed.getText(),
        experiment.getText(),
        hostBoxes.entrySet().stream()
            .filter(e -> e.getValue().isSelected())
            .map(Map.Entry::getKey)
            .toList());
  }

  /** Shows the dialog; {@code onStart} gets the choices when the user presses Start Sweep. */
  public void show(Consumer<SweepChoices> onStart) {
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

  /** Presses Start Sweep programmatically (only while it is enabled). */
  public void confirm() {
    if (valid.get()) {
      dialog.setResult(start);
    }
  }
}
