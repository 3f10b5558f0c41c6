package io.flightdeck.controllers.hosts;

import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostOperations;
import io.flightdeck.core.hosts.KeyOffer;
import java.util.function.Consumer;

/**
 * Lets work on a host go on only when its key is trusted: an unknown key is shown and trusted only
 * when the user accepts (and audited); a changed key is refused. Network calls run on the task
 * runner; callbacks come back on the FX thread.
 */
final class KeyGate {
  private final HostOperations ops;
  private final TaskRunner tasks;
  private final HostPrompts prompts;

  KeyGate(HostOperations ops, TaskRunner tasks, HostPrompts prompts) {
    this.ops = ops;
    this.tasks = tasks;
    this.prompts = prompts;
  }

  /**
   * Checks the host's key, then runs {@code onTrusted} when it is trusted already or the user
   * trusted it now.
   *
   * @param onRefused runs when the key changed (refused) or the user declined to trust it
   * @param onUnreachable gets the failure when the host cannot be reached
   */
  void whenTrusted(
      HostConfig host, Runnable onTrusted, Runnable onRefused, Consumer<Throwable> onUnreachable) {
    tasks.submit(
        "Checking the host key of " + host.hostname(),
        p -> ops.offeredKey(host),
        offer -> {
          if (offer.isEmpty()) {
            onTrusted.run();
          } else if (offer.get().changed()) {
            prompts.refuseChangedKey(host, offer.get());
            onRefused.run();
          } else {
            prompts.trustKey(
                host, offer.get(), () -> accept(host, offer.get(), onTrusted), onRefused);
          }
        },
        onUnreachable);
  }

  private void accept(HostConfig host, KeyOffer offer, Runnable onTrusted) {
    tasks.submit(
        "Trusting the key of " + host.hostname(),
        p -> {
          ops.acceptKey(host, offer); // records the acceptance in the audit trail
          return offer;
        },
        o -> onTrusted.run(),
        e -> prompts.error("Trust the key of " + host.hostname(), e));
  }
}
