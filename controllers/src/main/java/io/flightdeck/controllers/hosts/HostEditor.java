package io.flightdeck.controllers.hosts;

import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.views.hosts.HostDialogView;
import io.flightdeck.views.hosts.HostFields;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The Add and Edit dialogs: checks the fields as they change, offers the aliases of {@code
 * ~/.ssh/config}, and hands a valid host to the {@link HostSaver}; a refusal reopens the dialog
 * with what was typed and why.
 */
final class HostEditor {
  private final HostSaver saver;
  private final TaskRunner tasks;
  private final FileDialogs files;
  private final Supplier<Window> owner;
  private final Path sshConfig;
  private final String localUser;
  private final Supplier<Set<String>> names;
  private final Consumer<HostConfig> saved;
  private final Consumer<Object> shown;

  /**
   * @param sshConfig the user's {@code ~/.ssh/config} (may not exist)
   * @param names the names in use, so a new host cannot take one
   * @param saved gets each stored host
   * @param shown gets every dialog as it opens (tests)
   */
  HostEditor(
      HostSaver saver,
      TaskRunner tasks,
      FileDialogs files,
      Supplier<Window> owner,
      Path sshConfig,
      String localUser,
      Supplier<Set<String>> names,
      Consumer<HostConfig> saved,
      Consumer<Object> shown) {
    this.saver = saver;
    this.tasks = tasks;
    this.files = files;
    this.owner = owner;
    this.sshConfig = sshConfig;
    this.localUser = localUser;
    this.names = names;
    this.saved = saved;
    this.shown = shown;
  }

  void add() {
    open(Optional.empty(), HostForm.blank(localUser), "");
  }

  void edit(HostConfig host) {
    open(Optional.of(host), HostForm.of(host), "");
  }

  private void open(Optional<HostConfig> original, HostFields fields, String refusal) {
    HostDialogView d = new HostDialogView(owner.get(), original.isEmpty(), fields);
    Set<String> taken = original.isEmpty() ? names.get() : Set.of();
    Runnable validate =
        () -> {
          HostForm.Check c = HostForm.check(d.fields(), taken, original);
          d.setValid(c.host().isPresent());
          d.showProblem(c.problem());
        };
    d.setOnChange(validate);
    validate.run();
    if (!refusal.isEmpty()) {
      d.showProblem(refusal);
    }
    d.setOnChooseKeyFile(
        () ->
            files
                .open("Choose the Private Key", "All files", "*")
                .ifPresent(p -> d.setKeyFile(p.toString())));
    offerImports(d);
    shown.accept(d);
    d.show(
        () ->
            HostForm.check(d.fields(), taken, original)
                .host()
                .ifPresent(
                    h -> saver.save(h, original, saved, why -> open(original, d.fields(), why))));
  }

  /** Reads {@code ~/.ssh/config} off the FX thread and fills the dialog's import menu. */
  private void offerImports(HostDialogView d) {
    tasks.submitQuietly(
        "Reading " + sshConfig,
        p -> SshConfigFile.read(sshConfig),
        entries ->
            d.setImports(
                entries.stream().map(SshConfigFile.Entry::alias).toList(),
                alias ->
                    find(entries, alias).ifPresent(e -> d.fill(HostForm.imported(e, d.fields())))),
        e ->
            d.importMenu()
                .setText("Import from ~/.ssh/config (unreadable: " + HostRows.message(e) + ")"));
  }

  private static Optional<SshConfigFile.Entry> find(List<SshConfigFile.Entry> entries, String a) {
    return entries.stream().filter(e -> e.alias().equals(a)).findFirst();
  }
}
