package io.flightdeck.controllers.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.task.TaskState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The real runner's terminal states, with results delivered on the calling thread instead of the FX
 * thread.
 */
class ExecutorTaskRunnerTest {
  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(10, TimeUnit.SECONDS)).as("callback arrived").isTrue();
  }

  @Test
  void successDeliversTheResultAndEndsSucceeded() throws Exception {
    try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run)) {
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<Integer> result = new AtomicReference<>();
      TaskHandle h =
          runner.submit(
              "Adding",
              p -> {
                p.update(0.5, "half way");
                return 41 + 1;
              },
              r -> {
                result.set(r);
                done.countDown();
              },
              e -> {});
      await(done);
      assertThat(result.get()).isEqualTo(42);
      assertThat(h.state()).isEqualTo(TaskState.SUCCEEDED);
    }
  }

  @Test
  void failureDeliversTheErrorAndEndsFailed() throws Exception {
    try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run)) {
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<Throwable> error = new AtomicReference<>();
      TaskHandle h =
          runner.submit(
              "Failing",
              p -> {
                throw new IllegalStateException("boom");
              },
              r -> {},
              e -> {
                error.set(e);
                done.countDown();
              });
      await(done);
      assertThat(error.get()).hasMessage("boom");
      assertThat(h.state()).isEqualTo(TaskState.FAILED);
    }
  }

  @Test
  void cancelStopsARunningTaskWithoutCallingBack() throws Exception {
    try (ExecutorTaskRunner runner = new ExecutorTaskRunner(1, Runnable::run)) {
      CountDownLatch started = new CountDownLatch(1);
      List<String> callbacks = new CopyOnWriteArrayList<>();
      List<TaskMonitor.Snapshot> status = new CopyOnWriteArrayList<>();
      runner.monitor().setListener(status::add);
      TaskHandle h =
          runner.submit(
              "Sleeping",
              p -> {
                started.countDown();
                while (!p.isCancelled()) {
                  Thread.sleep(5);
                }
                return "late";
              },
              r -> callbacks.add("success"),
              e -> callbacks.add("failure"));
      await(started);
      assertThat(status).anyMatch(s -> s.cancellable() && s.text().startsWith("Sleeping"));
      runner.monitor().cancelNewest();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (h.state() != TaskState.CANCELLED && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(h.state()).isEqualTo(TaskState.CANCELLED);
      assertThat(callbacks).isEmpty();
    }
  }

  @Test
  void syncRunnerRunsInline() {
    SyncTaskRunner runner = new SyncTaskRunner();
    AtomicReference<String> got = new AtomicReference<>();
    TaskHandle h = runner.submit("Inline", p -> "x", got::set, e -> {});
    assertThat(got.get()).isEqualTo("x");
    assertThat(h.state()).isEqualTo(TaskState.SUCCEEDED);
  }
}
