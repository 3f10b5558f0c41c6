package io.flightdeck.controllers.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Tracks running tasks for the status bar. Callers on any thread; listeners are called on whatever
 * thread the {@code deliver} executor given by the runner uses (the UI thread for the real runner).
 */
public final class TaskMonitor {
  /** What the status bar shows. */
  public record Snapshot(String text, double progress, boolean cancellable) {}

  private final Deque<TaskHandle> running = new ArrayDeque<>();
  private final Consumer<Runnable> deliver;
  private Consumer<Snapshot> listener = s -> {};
  private String lastMessage = "";
  private double lastFraction = -1;

  TaskMonitor(Consumer<Runnable> deliver) {
    this.deliver = deliver;
  }

  /** Sets the one listener (the status bar). */
  public synchronized void setListener(Consumer<Snapshot> listener) {
    this.listener = listener;
  }

  /** Cancels the newest running task. */
  public synchronized void cancelNewest() {
    TaskHandle newest = running.peekLast();
    if (newest != null) {
      newest.cancel();
    }
  }

  synchronized void started(TaskHandle h) {
    running.addLast(h);
    lastMessage = "";
    lastFraction = -1;
    publish();
  }

  synchronized void ended(TaskHandle h, String finalText) {
    running.remove(h);
    if (running.isEmpty()) {
      Consumer<Snapshot> l = listener;
      deliver.accept(() -> l.accept(new Snapshot(finalText, 0, false)));
    } else {
      publish();
    }
  }

  synchronized void progress(TaskHandle h, double fraction, String message) {
    if (running.peekLast() == h) {
      lastFraction = fraction;
      lastMessage = message == null ? "" : message;
      publish();
    }
  }

  private void publish() {
    TaskHandle top = running.peekLast();
    if (top == null) {
      return;
    }
    String text = top.title() + (lastMessage.isEmpty() ? "…" : ": " + lastMessage);
    if (running.size() > 1) {
      text += "  (+" + (running.size() - 1) + " more)";
    }
    Snapshot s = new Snapshot(text, lastFraction < 0 ? -1 : lastFraction, true);
    Consumer<Snapshot> l = listener;
    deliver.accept(() -> l.accept(s));
  }
}
