package io.flightdeck.app.gui;

import io.flightdeck.app.jobs.RemoteHosts;
import io.flightdeck.controllers.hosts.DialogCredentials;
import io.flightdeck.controllers.hosts.HostsController;
import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.shell.FileDialogs;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.views.hosts.HostsView;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The Hosts section of one window: its view, the window's one passphrase and password dialog, and
 * for each opened workspace one {@link RemoteHosts} (SSH connections, known hosts, typed secrets)
 * that the section and the job service share. FX thread only.
 */
final class HostsSection {
  private final HostsView view = new HostsView();
  private final DialogCredentials credentials;
  private final Supplier<Window> owner;
  private RemoteHosts remote;
  private HostsController controller;

  HostsSection(Supplier<Window> owner) {
    this.owner = owner;
    this.credentials = new DialogCredentials(owner);
  }

  HostsView view() {
    return view;
  }

  /**
   * Wires the section to a newly opened workspace and starts loading its hosts.
   *
   * @return the workspace's remote hosts, for its job service
   */
  RemoteHosts open(
      Workspace ws,
      TaskRunner tasks,
      ErrorPresenter errors,
      FileDialogs files,
      Consumer<String> notifier) {
    close();
    remote = new RemoteHosts(ws, credentials);
    controller =
        new HostsController(
            view,
            ws.hosts(),
            remote.operations(),
            tasks,
            errors,
            files,
            notifier,
            owner,
            Path.of(System.getProperty("user.home")),
            System.getProperty("user.name"));
    controller.refresh();
    return remote;
  }

  /** The open workspace's remote hosts; empty before one opens. */
  Optional<RemoteHosts> remote() {
    return Optional.ofNullable(remote);
  }

  Optional<HostsController> controller() {
    return Optional.ofNullable(controller);
  }

  /** Lets go of the workspace (its typed secrets go with its RemoteHosts). */
  void close() {
    if (controller != null) {
      controller.dispose();
    }
    controller = null;
    remote = null;
  }
}
