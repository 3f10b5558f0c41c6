import io.flightdeck.controllers.runs.ChartPrep;
import io.flightdeck.views.charts.ChartPainter;
import io.flightdeck.views.charts.ChartSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

/**
 * Metric chart benchmark (issue 4). Single-file program, run against the built app:
 *
 * <pre>
 * mvn -B -o install -DskipTests -pl core,local-store,views,controllers,app
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *   -cp "app/target/flightdeck.jar:app/target/lib/*:$HOME/.m2/repository/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar" \
 *   benchmarks/charts/ChartBench.java 1000000 1000 15 100
 * </pre>
 *
 * Arguments: points in the series, plot width in pixels, rounds, NaN gaps (default 100). One
 * synthetic loss curve: noise, 50 spikes, the given number of NaN points at random steps (each
 * breaks the line, and the downsampler keeps every break, so many gaps mean more output points). Per round, on the FX thread, each measured separately:
 *
 * <ul>
 *   <li><b>prepare</b>: what the controller does, {@code ChartPrep.line} = EMA (weight 0.6) over all
 *       points, then min/max downsampling of the raw and the smoothed line to the plot width;
 *   <li><b>draw</b>: {@code ChartPainter.paint} of the prepared series (faint raw + smoothed line,
 *       axes, legend) into a Canvas, plus a snapshot of the canvas so the drawing is really
 *       rasterised;
 *   <li><b>baseline draw</b>: the same paint + snapshot of a series with the same number of output
 *       points but no preparation (the floor for drawing that many points);
 *   <li><b>naive</b>: paint + snapshot of all points without downsampling (fewer rounds).
 * </ul>
 *
 * Prints median and min per step, and the output point count. A few warm-up rounds are not counted.
 */
public class ChartBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int width = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    int gaps = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    ChartPrep.Raw raw = series(n, gaps);
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    double canvasW = width + 76, canvasH = 400;
    List<Double> prep = new ArrayList<>(), draw = new ArrayList<>(), total = new ArrayList<>();
    List<Double> base = new ArrayList<>(), naive = new ArrayList<>();
    int[] outPoints = new int[1];
    for (int r = -3; r < rounds; r++) {
      boolean counted = r >= 0;
      onFx(
          () -> {
            Canvas canvas = new Canvas(canvasW, canvasH);
            long t0 = System.nanoTime();
            ChartSeries s = ChartPrep.line(raw, false, 0.6, width, null);
            long t1 = System.nanoTime();
            paint(canvas, s);
            long t2 = System.nanoTime();
            outPoints[0] = s.points();
            ChartSeries same = sameOutput(s);
            Canvas c2 = new Canvas(canvasW, canvasH);
            long t3 = System.nanoTime();
            paint(c2, same);
            long t4 = System.nanoTime();
            if (counted) {
              prep.add((t1 - t0) / 1e6);
              draw.add((t2 - t1) / 1e6);
              total.add((t2 - t0) / 1e6);
              base.add((t4 - t3) / 1e6);
            }
            return null;
          });
    }
    for (int r = 0; r < Math.max(2, rounds / 5); r++) {
      onFx(
          () -> {
            Canvas canvas = new Canvas(canvasW, canvasH);
            ChartSeries all = ChartSeries.line("loss", raw.step(), raw.y());
            long t0 = System.nanoTime();
            paint(canvas, all);
            naive.add((System.nanoTime() - t0) / 1e6);
            return null;
          });
    }
    System.out.printf(
        Locale.ROOT,
        "points=%d nan_gaps=%d width=%dpx rounds=%d output_points=%d java=%s%n",
        n,
        gaps,
        width,
        rounds,
        outPoints[0],
        System.getProperty("java.version"));
    report("prepare (EMA + min/max downsampling)", prep);
    report("draw prepared + snapshot", draw);
    report("prepare + draw (total)", total);
    report("baseline: draw same output points + snapshot", base);
    report("naive: draw all points + snapshot", naive);
    Platform.exit();
  }

  private static void paint(Canvas c, ChartSeries s) {
    ChartPainter.paint(
        c.getGraphicsContext2D(), c.getWidth(), c.getHeight(), List.of(s), false, false, null, "");
    c.snapshot(null, new WritableImage((int) c.getWidth(), (int) c.getHeight()));
  }

  /** A plain series with as many points as the prepared one, built without preparation. */
  private static ChartSeries sameOutput(ChartSeries s) {
    return new ChartSeries(
        s.name(),
        Arrays.copyOf(s.x(), s.x().length),
        Arrays.copyOf(s.y(), s.y().length),
        Arrays.copyOf(s.smoothX(), s.smoothX().length),
        Arrays.copyOf(s.smoothY(), s.smoothY().length),
        null,
        null);
  }

  private static ChartPrep.Raw series(int n, int gaps) {
    SplittableRandom rnd = new SplittableRandom(42);
    double[] x = new double[n], t = new double[n], y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      t[i] = i * 0.01;
      y[i] = Math.exp(-i / (n / 5.0)) + 0.05 * rnd.nextGaussian();
    }
    for (int k = 0; k < gaps; k++) {
      y[rnd.nextInt(n)] = Double.NaN;
    }
    for (int k = 0; k < 50; k++) {
      y[rnd.nextInt(n)] = 5;
    }
    return new ChartPrep.Raw("loss", x, t, y);
  }

  private static <T> T onFx(Supplier<T> work) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(work.get());
          } catch (Throwable e) {
            f.completeExceptionally(e);
          }
        });
    return f.get();
  }

  private static void report(String what, List<Double> ms) {
    double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT, "%-48s median %8.1f ms   min %8.1f ms   (n=%d)%n", what, v[v.length / 2], v[0], v.length);
  }
}
