package io.flightdeck.controllers.hosts;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostOperations;
import io.flightdeck.core.hosts.HostService;
import io.flightdeck.views.hosts.HostRow;
import io.flightdeck.views.hosts.HostsView;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.stage.Window;

/**
 * The Hosts section: lists the inventory, adds and edits hosts (checking their keys first), tests
 * connections, installs and removes the agent. Every store and SSH call runs on the task runner,
 * with progress and Cancel in the status bar; view state is touched only on the FX thread.
 */
public final class HostsController implements HostActions.Results {
  private final HostsView view;
  private final HostService hosts;
  private final TaskRunner tasks;
  private final ErrorPresenter errors;
  private final Consumer<String> notifier;
  private final HostEditor editor;
  private final HostActions actions;
  private final Map<String, String> status = new HashMap<>();
  private final Map<String, String> details = new HashMap<>();
  private final ChangeListener<HostRow> selection = (o, a, b) -> showDetails();
  private List<HostConfig> current = List.of();
  private Object lastDialog;

  /**
   * @param ops the SSH side (runs only on the task runner)
   * @param notifier short in-window notifications
   * @param owner the window dialogs belong to
   * @param home the user's home, for {@code ~/.ssh/config}
   * @param localUser the default remote user (the OS user)
   */
  public HostsController(
      HostsView view,
      HostService hosts,
      HostOperations ops,
      TaskRunner tasks,
      ErrorPresenter errors,
      FileDialogs files,
      Consumer<String> notifier,
      Supplier<Window> owner,
      Path home,
      String localUser) {
    this.view = view;
    this.hosts = hosts;
    this.tasks = tasks;
    this.errors = errors;
    this.notifier = notifier;
    HostPrompts prompts = new HostDialogs(owner, errors, d -> lastDialog = d);
    KeyGate gate = new KeyGate(ops, tasks, prompts);
    this.actions = new HostActions(ops, hosts, gate, tasks, prompts, this);
    this.editor =
        new HostEditor(
            new HostSaver(hosts, gate, tasks, prompts),
            tasks,
            files,
            owner,
            home.resolve(".ssh").resolve("config"),
            localUser,
            () -> current.stream().map(HostConfig::name).collect(Collectors.toSet()),
            this::saved,
            d -> lastDialog = d);
    view.addButton().setOnAction(e -> editor.add());
    view.setOnEdit(() -> selected().ifPresent(editor::edit));
    view.setOnRemove(() -> selected().ifPresent(actions::remove));
    view.testButton().setOnAction(e -> selected().ifPresent(actions::test));
    view.installButton().setOnAction(e -> selected().ifPresent(actions::install));
    view.uninstallButton().setOnAction(e -> selected().ifPresent(actions::uninstall));
    view.table().getSelectionModel().selectedItemProperty().addListener(selection);
    showDetails();
  }

  /** Stops following the view's selection (before another workspace's controller takes over). */
  public void dispose() {
    view.table().getSelectionModel().selectedItemProperty().removeListener(selection);
  }

  /** Reloads the inventory, keeping the selection. */
  public void refresh() {
    refresh(view.selected().map(HostRow::name).orElse(""));
  }

  private void refresh(String select) {
    tasks.submit(
        "Loading hosts",
        p -> hosts.list(),
        list -> {
          current = List.copyOf(list);
          Set<String> known = current.stream().map(HostConfig::name).collect(Collectors.toSet());
          status.keySet().retainAll(known);
          details.keySet().retainAll(known);
          view.rows().setAll(current.stream().map(this::row).toList());
          view.select(select);
          showDetails();
        },
        e -> errors.show("Load the hosts", e));
  }

  /** Opens Add Host. */
  public void openAdd() {
    editor.add();
  }

  /** The dialog opened last (tests drive it). */
  public Object lastDialog() {
    return lastDialog;
  }

  /** The hosts shown, as stored. */
  public List<HostConfig> hosts() {
    return current;
  }

  @Override
  public void show(String host, String statusLine, String text) {
    status.put(host, statusLine);
    details.put(host, text);
    for (int i = 0; i < view.rows().size(); i++) {
      HostRow r = view.rows().get(i);
      if (r.name().equals(host)) {
        HostRow updated = new HostRow(r.name(), r.address(), r.auth(), r.maxJobs(), statusLine);
        boolean wasSelected = view.selected().map(s -> s.name().equals(host)).orElse(false);
        view.rows().set(i, updated);
        if (wasSelected) {
          view.select(host);
        }
      }
    }
    showDetails();
  }

  @Override
  public void changed() {
    refresh();
  }

  private void saved(HostConfig h) {
    notifier.accept("Saved host " + h.name() + " (" + h.address() + ")");
    status.remove(h.name());
    details.remove(h.name());
    refresh(h.name());
  }

  private HostRow row(HostConfig h) {
    return HostRows.row(h, status.getOrDefault(h.name(), ""));
  }

  private Optional<HostConfig> selected() {
    return view.selected()
        .flatMap(r -> current.stream().filter(h -> h.name().equals(r.name())).findFirst());
  }

  private void showDetails() {
    Optional<HostConfig> h = selected();
    if (h.isEmpty()) {
      view.showDetails(
          "No host selected.", current.isEmpty() ? "Add a host to run jobs on it over SSH." : "");
      return;
    }
    view.showDetails(
        h.get().name() + ": " + h.get().address() + ", " + HostRows.auth(h.get()),
        details.getOrDefault(
            h.get().name(),
            "Not tested yet. Test Connection logs in and shows the host's OS, CPUs, memory, disk,"
                + " Java, GPUs and agent."));
  }
}
