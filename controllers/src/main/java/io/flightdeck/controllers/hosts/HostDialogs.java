package io.flightdeck.controllers.hosts;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.KeyOffer;
import io.flightdeck.views.hosts.ChoiceDialogView;
import io.flightdeck.views.hosts.HostKeyDialogView;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** The Hosts section's questions as dialogs. FX thread only. */
final class HostDialogs implements HostPrompts {
  private final Supplier<Window> owner;
  private final ErrorPresenter errors;
  private final Consumer<Object> shown;

  /**
   * @param shown gets every dialog as it opens (tests drive the last one)
   */
  HostDialogs(Supplier<Window> owner, ErrorPresenter errors, Consumer<Object> shown) {
    this.owner = owner;
    this.errors = errors;
    this.shown = shown;
  }

  @Override
  public void trustKey(HostConfig host, KeyOffer offer, Runnable onAccept, Runnable onReject) {
    HostKeyDialogView d =
        new HostKeyDialogView(
            owner.get(),
            HostRows.where(offer),
            offer.keyType(),
            offer.fingerprint(),
            HostRows.checkCommand(offer.keyType()));
    shown.accept(d);
    d.show(onAccept, onReject);
  }

  @Override
  public void refuseChangedKey(HostConfig host, KeyOffer offer) {
    ChoiceDialogView d =
        new ChoiceDialogView(
                owner.get(),
                "host-key-changed",
                Alert.AlertType.WARNING,
                "Host Key Changed",
                "The key of "
                    + HostRows.where(offer)
                    + " has CHANGED. Flightdeck will not connect.",
                offer.message())
            .details(
                "hostKeyChangedDetails",
                "Offered key: " + offer.keyType() + "\nFingerprint: " + offer.fingerprint())
            .closing("closeHostKeyChanged", "Close");
    shown.accept(d);
    d.show(choice -> {});
  }

  @Override
  public void unreachable(
      HostConfig host, Throwable error, Runnable onSaveAnyway, Runnable onEdit) {
    ChoiceDialogView d =
        new ChoiceDialogView(
                owner.get(),
                "host-unreachable",
                Alert.AlertType.WARNING,
                "Host Not Reachable",
                "Flightdeck cannot reach " + host.address() + ".",
                HostRows.message(error)
                    + "\n\nIf you are offline, save the host anyway: its key is shown for you to"
                    + " check on the first connection (Test Connection).")
            .action("saveHostAnyway", "_Save Anyway", false)
            .action("editHostAgain", "_Edit…", true)
            .closing("cancelHostSave", "Cancel");
    shown.accept(d);
    d.show(
        choice -> {
          if (choice.equals("saveHostAnyway")) {
            onSaveAnyway.run();
          } else if (choice.equals("editHostAgain")) {
            onEdit.run();
          }
        });
  }

  @Override
  public void confirmRemove(HostConfig host, Runnable onRemove) {
    ChoiceDialogView d =
        new ChoiceDialogView(
                owner.get(),
                "remove-host",
                Alert.AlertType.CONFIRMATION,
                "Remove Host",
                "Remove " + host.name() + " (" + host.address() + ") from the inventory?",
                "Runs and jobs keep the host's name. The agent stays on the host: uninstall it"
                    + " first if it should go too.")
            .action("confirmRemoveHost", "_Remove", true)
            .closing("cancelRemoveHost", "Cancel");
    shown.accept(d);
    d.show(
        choice -> {
          if (choice.equals("confirmRemoveHost")) {
            onRemove.run();
          }
        });
  }

  @Override
  public void confirmUninstall(HostConfig host, Consumer<Boolean> onUninstall) {
    ChoiceDialogView d =
        new ChoiceDialogView(
                owner.get(),
                "uninstall-agent",
                Alert.AlertType.CONFIRMATION,
                "Uninstall Agent",
                "Remove the Flightdeck agent from " + host.name() + "?",
                "Its jars are deleted. This is refused while jobs run there.")
            .checkBox("purgeAgentData", "Also remove _job data (spools, data cache)")
            .action("confirmUninstallAgent", "_Uninstall", true)
            .closing("cancelUninstallAgent", "Cancel");
    shown.accept(d);
    d.show(
        choice -> {
          if (choice.equals("confirmUninstallAgent")) {
            onUninstall.accept(d.checked());
          }
        });
  }

  @Override
  public void error(String what, Throwable error) {
    errors.show(what, error);
  }
}
