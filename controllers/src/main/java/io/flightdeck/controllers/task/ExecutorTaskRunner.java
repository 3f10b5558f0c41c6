package io.flightdeck.controllers.task;

import io.flightdeck.core.task.TaskState;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real task runner: a small pool of named daemon threads ({@code flightdeck-task-N}) that log
 * uncaught errors; results are delivered with {@code Platform.runLater}. Owner: the composition
 * root, which calls {@link #close}.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);
  private final ExecutorService pool;
  private final Consumer<Runnable> deliver;
  private final TaskMonitor monitor;

  /** A runner delivering on the JavaFX application thread. */
  public ExecutorTaskRunner(int threads) {
    this(threads, Platform::runLater);
  }

  ExecutorTaskRunner(int threads, Consumer<Runnable> deliver) {
    this.pool = Executors.newFixedThreadPool(threads, namedDaemons());
    this.deliver = deliver;
    this.monitor = new TaskMonitor(deliver);
  }

  private static ThreadFactory namedDaemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "flightdeck-task-" + n.incrementAndGet());
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught error in {}", th.getName(), e));
      return t;
    };
  }

  @Override
  public <T> TaskHandle submit(
      String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    return submit(title, work, onSuccess, onFailure, monitor);
  }

  @Override
  public <T> TaskHandle submitQuietly(
      String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    return submit(title, work, onSuccess, onFailure, new TaskMonitor(r -> {}));
  }

  private <T> TaskHandle submit(
      String title,
      Work<T> work,
      Consumer<T> onSuccess,
      Consumer<Throwable> onFailure,
      TaskMonitor monitor) {
    TaskHandle handle = new TaskHandle(title, monitor);
    handle.attach(
        pool.submit(
            () -> {
              if (!handle.start()) {
                return; // cancelled before it started
              }
              monitor.started(handle);
              try {
                T result = work.call(handle);
                if (handle.isCancelled()) {
                  throw new CancellationException();
                }
                handle.finish(TaskState.SUCCEEDED);
                monitor.ended(handle, "Ready");
                deliver.accept(() -> onSuccess.accept(result));
              } catch (CancellationException | InterruptedException e) {
                handle.finish(TaskState.CANCELLED);
                monitor.ended(handle, title + " cancelled");
              } catch (Exception | Error e) {
                if (handle.isCancelled()) {
                  handle.finish(TaskState.CANCELLED);
                  monitor.ended(handle, title + " cancelled");
                } else {
                  handle.finish(TaskState.FAILED);
                  monitor.ended(handle, title + " failed");
                  deliver.accept(() -> onFailure.accept(e));
                }
              }
            }));
    return handle;
  }

  @Override
  public TaskMonitor monitor() {
    return monitor;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("Background tasks did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
