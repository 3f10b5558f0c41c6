package io.flightdeck.controllers.models;

import io.flightdeck.controllers.shell.ErrorPresenter;
import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.error.FlightdeckException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What the Models section's helpers share.
 *
 * @param backend the registry and evaluator
 * @param tasks where blocking work runs
 * @param errors shows failures
 * @param owner the window dialogs belong to
 * @param notifier short in-window notifications
 * @param user who acts (the OS user)
 */
record ModelsContext(
    ModelsBackend backend,
    TaskRunner tasks,
    ErrorPresenter errors,
    Supplier<Window> owner,
    Consumer<String> notifier,
    String user) {

  /** The service's sentence and hint on one line, for a dialog's problem line. */
  static String message(Throwable e) {
    Throwable t = e;
    while (!(t instanceof FlightdeckException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof FlightdeckException fe ? fe.oneLine() : String.valueOf(e.getMessage());
  }

  /**
   * True when the service refused with a sentence that mentions one of {@code words} (case
   * ignored): the refusal is about what the user typed or chose, so the dialog reopens with it.
   * Other refusals (a missing approval, an altered artifact) go to the error dialog.
   */
  static boolean aboutInput(Throwable e, String... words) {
    if (!refusal(e)) {
      return false;
    }
    String m = message(e).toLowerCase(java.util.Locale.ROOT);
    return java.util.Arrays.stream(words).anyMatch(w -> m.contains(w));
  }

  /** True when the failure is about the user's input (a refusal), not a crash. */
  static boolean refusal(Throwable e) {
    Throwable t = e;
    while (t != null && !(t instanceof FlightdeckException)) {
      t = t.getCause();
    }
    return t != null;
  }
}
