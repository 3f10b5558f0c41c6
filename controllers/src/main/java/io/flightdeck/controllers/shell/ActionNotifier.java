package io.flightdeck.controllers.shell;

/** Shows a short in-window notification with one action button. FX thread. */
@FunctionalInterface
public interface ActionNotifier {
  /**
   * @param message what happened
   * @param actionText the button's text ("Show in Runs")
   * @param action what the button does
   */
  void notify(String message, String actionText, Runnable action);
}
