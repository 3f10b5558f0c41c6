package io.flightdeck.views.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Evaluate: which dataset version, which column is the target, optionally a group column for
 * fairness, a column mapping when the model's inputs are named differently, and permutation
 * repeats.
 */
public final class EvaluateDialogView extends FormDialog {
  private final ComboBox<String> dataset = new ComboBox<>();
  private final ComboBox<String> target = new ComboBox<>();
  private final ComboBox<String> group = new ComboBox<>();
  private final TextArea mapping = new TextArea();
  private final TextField repeats = new TextField("3");
  private final TextField seed = new TextField("42");

  /** What the user chose; {@code mapping} is feature → column; group empty for none. */
  public record Choice(
      String dataset,
      String target,
      String group,
      Map<String, String> mapping,
      String repeats,
      String seed) {}

  public EvaluateDialogView(Window owner, String versionRef, List<String> features) {
    super(
        owner,
        "evaluate-dialog",
        "Evaluate",
        "Evaluate " + versionRef + " on a dataset version.",
        "Evaluate");
    dataset.setId("evaluate-dataset");
    target.setId("evaluate-target");
    group.setId("evaluate-group");
    group.setPromptText("(none)");
    mapping.setId("evaluate-mapping");
    mapping.setPrefRowCount(3);
    mapping.setPromptText("feature=column, one per line (only where the names differ)");
    repeats.setId("evaluate-repeats");
    seed.setId("evaluate-seed");
    row("Dataset version", dataset);
    row("Target column", target);
    row("Group column", group);
    row("Column mapping", mapping);
    wide(
        hint(
            features.isEmpty()
                ? "The model's inputs are matched to columns by name."
                : "Model inputs: " + String.join(", ", features)));
    row("Permutation repeats", repeats);
    row("Seed", seed);
    disableOkWhen(dataset.valueProperty().isNull().or(target.valueProperty().isNull()));
  }

  public ComboBox<String> dataset() {
    return dataset;
  }

  /** Offers a dataset version's columns as target and group. */
  public void setColumns(List<String> columns, String suggestedTarget) {
    target.getItems().setAll(columns);
    group.getItems().setAll(columns);
    group.getItems().add(0, "");
    if (suggestedTarget != null && columns.contains(suggestedTarget)) {
      target.setValue(suggestedTarget);
    }
  }

  public ComboBox<String> target() {
    return target;
  }

  public ComboBox<String> group() {
    return group;
  }

  public TextArea mapping() {
    return mapping;
  }

  public TextField repeats() {
    return repeats;
  }

  /** Re-fills after a refusal. */
  public void restore(Choice c) {
    dataset.setValue(c.dataset());
    target.setValue(c.target());
    group.setValue(c.group());
    StringBuilder sb = new StringBuilder();
    c.mapping().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    mapping.setText(sb.toString().strip());
    repeats.setText(c.repeats());
    seed.setText(c.seed());
  }

  /**
   * The choices; mapping lines without '=' are kept under the key "" (the controller refuses them).
   */
  public Choice choice() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : mapping.getText().split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        int eq = t.indexOf('=');
        m.put(eq < 0 ? "" : t.substring(0, eq).strip(), eq < 0 ? t : t.substring(eq + 1).strip());
      }
    }
    String g = group.getValue() == null ? "" : group.getValue();
    return new Choice(
        dataset.getValue(),
        target.getValue(),
        g,
        m,
        repeats.getText().strip(),
        seed.getText().strip());
  }

  public void show(Consumer<Choice> onEvaluate) {
    open(() -> onEvaluate.accept(choice()));
  }
}
