package io.flightdeck.controllers.hosts;

import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.KeyOffer;
import java.util.function.Consumer;

/**
 * The questions and refusals of the Hosts section. The window shows dialogs ({@link HostDialogs});
 * tests answer directly. Called on the FX thread; every answer comes back on it.
 */
interface HostPrompts {
  /** A key seen for the first time: {@code onAccept} only when the user trusts it. */
  void trustKey(HostConfig host, KeyOffer offer, Runnable onAccept, Runnable onReject);

  /** A key that contradicts the one on record: refused, with only a Close button. */
  void refuseChangedKey(HostConfig host, KeyOffer offer);

  /** The host could not be reached while adding it: save anyway, edit, or cancel. */
  void unreachable(HostConfig host, Throwable error, Runnable onSaveAnyway, Runnable onEdit);

  void confirmRemove(HostConfig host, Runnable onRemove);

  /** Uninstall the agent; the answer says whether job data goes too. */
  void confirmUninstall(HostConfig host, Consumer<Boolean> onUninstall);

  /** Shows a failure with its sentence and hint (and logs it once). */
  void error(String what, Throwable error);
}
