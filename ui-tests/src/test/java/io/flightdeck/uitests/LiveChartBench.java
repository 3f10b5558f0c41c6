package io.flightdeck.uitests;

import static io.flightdeck.uitests.WindowFixture.waitUntil;

import io.flightdeck.controllers.jobs.JobsController;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.views.jobs.JobsView;
import io.flightdeck.views.jobs.TrainDialogView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Benchmark driver, not a test (excluded from the build; figures go to docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -o install -DskipTests -Dspotless.check.skip=true -pl app -am
 * mvn -B -o test -pl ui-tests -Dspotless.check.skip=true -Dui.excluded.groups= -Dgroups=benchmark \
 *   -Dtest=LiveChartBench -Dbench.rate=10000 -Dbench.seconds=20
 * </pre>
 *
 * A command job prints {@code rate} metric points per second (paced by Python in blocks of 100)
 * while the Jobs section shows its live chart and log. Measured, against a baseline of the same
 * window with no job running (same JVM, right before): the FX thread's responsiveness (latency of a
 * {@code Platform.runLater} posted every 10 ms: p50, p99, max) and how far the chart is behind (now
 * minus the measured-at time of the newest point on the chart, sampled every 100 ms).
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class LiveChartBench {
  @TempDir static Path tmp;
  private WindowFixture fx;

  @Start
  void start(Stage stage) throws Exception {
    fx = new WindowFixture(stage, tmp);
  }

  @AfterEach
  void tearDown() {
    fx.shutdown();
  }

  @Test
  void liveChartAtHighRate(FxRobot robot) throws Exception {
    int rate = Integer.getInteger("bench.rate", 10_000);
    int seconds = Integer.getInteger("bench.seconds", 20);
    fx.waitForWorkspace();
    waitUntil(() -> fx.window.jobs().isPresent());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    JobsView view = robot.lookup("#jobs-view").queryAs(JobsView.class);
    List<Long> idle = fxLatencies(5);

    Path script = tmp.resolve("pace.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import sys, time",
            "rate, secs = int(sys.argv[1]), int(sys.argv[2])",
            "t0 = time.time(); i = 0",
            "while i < rate * secs:",
            "    out = []",
            "    for _ in range(100):",
            "        i += 1",
            "        out.append('##flightdeck metric m %.5f %d' % ((i % 1000) / 1000.0, i))",
            "    sys.stdout.write('\\n'.join(out) + '\\n'); sys.stdout.flush()",
            "    ahead = t0 + i / rate - time.time()",
            "    if ahead > 0: time.sleep(ahead)",
            ""));
    JobsController jobs = fx.window.jobs().orElseThrow();
    robot.clickOn("#jobs-run-command");
    waitUntil(() -> jobs.lastDialog() != null);
    TrainDialogView d = jobs.lastDialog();
    robot.interact(
        () -> {
          d.commandLineField().setText("/usr/bin/python3 " + script + " " + rate + " " + seconds);
          d.confirm();
        });
    waitUntil(() -> !view.rows().isEmpty());
    robot.interact(() -> view.table().getSelectionModel().select(0));
    String runId = view.rows().get(0).runId();
    var repo = fx.window.shell().workspace().orElseThrow().tracking().repository();
    waitUntil(() -> !view.chart().series().isEmpty());

    List<Long> lags = new ArrayList<>();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  double[] x = new double[1];
                  CountDownLatch l = new CountDownLatch(1);
                  Platform.runLater(
                      () -> {
                        var s = view.chart().series();
                        x[0] =
                            s.isEmpty() || s.get(0).x().length == 0
                                ? 0
                                : s.get(0).x()[s.get(0).x().length - 1];
                        l.countDown();
                      });
                  l.await();
                  long now = System.currentTimeMillis();
                  long step = (long) x[0];
                  // measured-at of that step: the agent stamps it when it reads the line
                  // steps are stored in order (step n is the n-th point): read just that one
                  if (step > 0) {
                    List<Metric> h = repo.metricTail(runId, "m", step - 1);
                    if (!h.isEmpty() && h.get(0).step() == step) {
                      lags.add(now - h.get(0).timestampMs());
                    }
                  }
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    List<Long> busy = fxLatencies(Math.max(5, seconds - 5));
    sampler.interrupt();
    org.testfx.util.WaitForAsyncUtils.waitFor(
        seconds + 120, TimeUnit.SECONDS, () -> view.rows().get(0).state().equals("SUCCEEDED"));
    fx.screenshot(robot, "bench-live-chart");
    System.out.printf(
        Locale.ROOT, "%n=== LiveChartBench: %d points/s for %d s ===%n", rate, seconds);
    print("FX latency, idle window (baseline)", idle);
    print("FX latency, job streaming", busy);
    print("chart behind newest shown point (ms)", lags);
    System.out.printf(
        Locale.ROOT,
        "ratio p99 busy/idle: %.2f%n",
        (double) pct(busy, 99) / Math.max(1, pct(idle, 99)));
  }

  /** Posts a runnable every 10 ms for {@code seconds} and returns each one's latency in ms. */
  private static List<Long> fxLatencies(int seconds) throws InterruptedException {
    List<Long> out = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      long posted = System.nanoTime();
      Platform.runLater(() -> out.add((System.nanoTime() - posted) / 1_000_000));
      Thread.sleep(10);
    }
    Thread.sleep(200);
    return new ArrayList<>(out);
  }

  private static long pct(List<Long> v, int p) {
    if (v.isEmpty()) {
      return 0;
    }
    List<Long> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
  }

  private static void print(String what, List<Long> v) {
    System.out.printf(
        Locale.ROOT,
        "%-40s n=%d p50=%d p90=%d p99=%d max=%d%n",
        what,
        v.size(),
        pct(v, 50),
        pct(v, 90),
        pct(v, 99),
        v.isEmpty() ? 0 : Collections.max(v));
  }
}
