package io.flightdeck.controllers.hosts;

import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostService;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores a host from the dialog: a new host, or one whose address changed, is saved only after its
 * key is trusted; an unreachable one only when the user says "Save anyway".
 */
final class HostSaver {
  private final HostService hosts;
  private final KeyGate gate;
  private final TaskRunner tasks;
  private final HostPrompts prompts;

  HostSaver(HostService hosts, KeyGate gate, TaskRunner tasks, HostPrompts prompts) {
    this.hosts = hosts;
    this.gate = gate;
    this.tasks = tasks;
    this.prompts = prompts;
  }

  /** Whether the key must be checked before saving: a new host, or a new hostname or port. */
  static boolean needsKeyCheck(HostConfig host, Optional<HostConfig> original) {
    return original
        .map(o -> !o.hostname().equalsIgnoreCase(host.hostname()) || o.port() != host.port())
        .orElse(true);
  }

  /**
   * @param original the host being edited; empty for a new one
   * @param onSaved gets the stored host
   * @param onRefused gets why it was not stored, to reopen the dialog with it
   */
  void save(
      HostConfig host,
      Optional<HostConfig> original,
      Consumer<HostConfig> onSaved,
      Consumer<String> onRefused) {
    Runnable store = () -> store(host, original.isPresent(), onSaved, onRefused);
    if (!needsKeyCheck(host, original)) {
      store.run();
      return;
    }
    gate.whenTrusted(
        host,
        store,
        () -> {},
        e -> {
          if (HostRows.refusal(e)) {
            prompts.unreachable(host, e, store, () -> onRefused.accept(HostRows.message(e)));
          } else {
            prompts.error("Check the host key of " + host.hostname(), e);
          }
        });
  }

  private void store(
      HostConfig host, boolean replace, Consumer<HostConfig> onSaved, Consumer<String> onRefused) {
    tasks.submit(
        "Saving host " + host.name(),
        p -> hosts.save(host, replace),
        onSaved,
        e -> {
          if (HostRows.refusal(e)) {
            onRefused.accept(HostRows.message(e));
          } else {
            prompts.error("Save host " + host.name(), e);
          }
        });
  }
}
