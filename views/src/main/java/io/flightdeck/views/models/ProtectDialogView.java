package io.flightdeck.views.models;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Protect: which aliases of a model need an approval before they move. */
public final class ProtectDialogView extends FormDialog {
  private final TextField aliases = new TextField();

  public ProtectDialogView(Window owner, String model, Set<String> current) {
    super(
        owner,
        "protect-dialog",
        "Protect Aliases",
        "Aliases of " + model + " that need an approval to move.",
        "Save");
    aliases.setId("protect-aliases");
    aliases.setText(String.join(", ", new java.util.TreeSet<>(current)));
    aliases.setPromptText("champion, production");
    row("Protected", aliases);
    wide(hint("Comma-separated. Leave empty to protect none."));
  }

  public TextField aliases() {
    return aliases;
  }

  public void show(Consumer<Set<String>> onSave) {
    open(
        () -> {
          Set<String> out = new LinkedHashSet<>();
          Arrays.stream(aliases.getText().split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .forEach(out::add);
          onSave.accept(out);
        });
  }
}
