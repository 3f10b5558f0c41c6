package io.flightdeck.controllers.shell;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.views.common.ErrorDialog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where UI errors are handled: logged once, then shown in the one error dialog with a plain
 * sentence, what to do, and the stack trace folded away. Call on the FX thread.
 */
public class ErrorPresenter {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPresenter.class);
  private final Supplier<Window> owner;

  /**
   * @param owner the window dialogs belong to
   */
  public ErrorPresenter(Supplier<Window> owner) {
    this.owner = owner;
  }

  /** Logs and shows the failure of {@code what} (e.g. "Export the audit trail"). */
  public void show(String what, Throwable error) {
    LOG.error("{} failed", what, error);
    Alert alert = build(what, error);
    display(alert);
  }

  /** Builds the dialog without showing it. */
  public Alert build(String what, Throwable error) {
    Throwable root = unwrap(error);
    String message;
    String hint;
    if (root instanceof FlightdeckException fe) {
      message = fe.getMessage();
      hint = fe.hint();
    } else {
      message =
          what
              + " failed: "
              + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
      hint = "See the details, and the log file, for more.";
    }
    return ErrorDialog.create(owner.get(), what + " failed", message, hint, stackTrace(error));
  }

  /** Shows the dialog; tests override this to avoid blocking. */
  protected void display(Alert alert) {
    alert.show();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while (!(cur instanceof FlightdeckException)
        && cur.getCause() != null
        && (cur instanceof java.util.concurrent.ExecutionException
            || cur instanceof java.util.concurrent.CompletionException
            || cur instanceof java.io.UncheckedIOException
            || cur.getCause() instanceof FlightdeckException)) {
      cur = cur.getCause();
    }
    return cur;
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
