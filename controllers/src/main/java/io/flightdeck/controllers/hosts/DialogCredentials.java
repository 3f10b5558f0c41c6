package io.flightdeck.controllers.hosts;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.views.hosts.SecretDialogView;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Asks for key passphrases and passwords in a dialog on behalf of the SSH layer. Called on a
 * background thread (never the FX thread): shows the dialog on the FX thread and blocks the caller
 * until the user answers. Returns null when the user cancels or the calling task is cancelled.
 * Nothing typed is logged or kept here; the caller owns the returned array.
 */
public final class DialogCredentials implements Credentials {
  /**
   * What the dialog asks.
   *
   * @param title the window title
   * @param prompt names the key file or user@host
   * @param problem why it asks again; empty on the first attempt
   * @param action the OK button's label
   */
  record Question(String title, String prompt, String problem, String action) {}

  private final Consumer<Runnable> fx;
  private final BooleanSupplier onFxThread;
  private final BiConsumer<Question, Consumer<char[]>> ask;

  /** Dialogs owned by the given window. */
  public DialogCredentials(Supplier<Window> owner) {
    this(
        Platform::runLater,
        Platform::isFxApplicationThread,
        (q, answer) ->
            new SecretDialogView(owner.get(), q.title(), q.prompt(), q.problem(), q.action())
                .show(answer));
  }

  /**
   * @param fx runs a task on the UI thread
   * @param onFxThread whether the caller is the UI thread
   * @param ask shows the question (on the UI thread) and answers once, null for cancel
   */
  DialogCredentials(
      Consumer<Runnable> fx,
      BooleanSupplier onFxThread,
      BiConsumer<Question, Consumer<char[]>> ask) {
    this.fx = fx;
    this.onFxThread = onFxThread;
    this.ask = ask;
  }

  @Override
  public char[] passphrase(HostConfig host, String keyFile, int attempt) {
    return ask(
        new Question(
            "Key Passphrase",
            "Passphrase of the key " + keyFile + " (for " + host.name() + ")",
            attempt > 1 ? "Wrong passphrase, try again (attempt " + attempt + ")." : "",
            "Unlock"));
  }

  @Override
  public char[] password(HostConfig host, int attempt) {
    return ask(
        new Question(
            "Password",
            "Password of " + host.address() + " (" + host.name() + ")",
            attempt > 1 ? "Wrong password, try again (attempt " + attempt + ")." : "",
            "Log In"));
  }

  private char[] ask(Question q) {
    if (onFxThread.getAsBoolean()) {
      throw new IllegalStateException(
          "Credentials were asked on the FX thread; SSH work must run on the task runner");
    }
    CompletableFuture<char[]> answer = new CompletableFuture<>();
    fx.accept(
        () -> {
          try {
            ask.accept(q, a -> hand(answer, a));
          } catch (RuntimeException e) {
            answer.completeExceptionally(e);
          }
        });
    try {
      return answer.get();
    } catch (InterruptedException e) {
      answer.cancel(false); // an answer arriving later is wiped, not kept
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new FlightdeckException(
          "Could not ask for the " + q.title().toLowerCase(java.util.Locale.ROOT) + ".",
          "See the details; the dialog could not be shown.",
          e.getCause());
    }
  }

  private static void hand(CompletableFuture<char[]> answer, char[] secret) {
    if (!answer.complete(secret) && secret != null) {
      Arrays.fill(secret, '\0');
    }
  }
}
