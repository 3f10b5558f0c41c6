import io.flightdeck.app.jobs.LocalJobs;
import io.flightdeck.core.jobs.CommandRequest;
import io.flightdeck.core.jobs.JobService;
import io.flightdeck.core.tracking.JobRecord;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.MetricIngestor;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Agent-to-store event throughput over the local pipe (issue 4). Single-file program, run against
 * the built app:
 *
 * <pre>
 * mvn -B -o -q install -DskipTests -Dspotless.check.skip=true -pl app -am
 * java -cp "app/target/flightdeck.jar:app/target/lib/*" benchmarks/jobs/JobsBench.java 1000000 /tmp/jobs-bench
 * </pre>
 *
 * <p>Arguments: POINTS DIR. A command job prints POINTS lines {@code ##flightdeck metric m V STEP}
 * (awk, as fast as it can); the local agent (a child JVM) parses them into events, spools them and
 * streams them over its stdout; the app side stores each contiguous range with the job's
 * acknowledged sequence number in one transaction and acknowledges. Timed from submit until the
 * job is stored as ended. Baseline in the same JVM and workspace: the same number of points
 * offered straight to {@link MetricIngestor} (store only, no agent, no pipe, no exactly-once
 * bookkeeping). A warm-up at a tenth of the size runs first for both. Prints points/s and the ratio.
 */
public final class JobsBench {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/jobs-bench"));
    Path wsDir = dir.resolve("ws-" + System.currentTimeMillis());
    try (LocalWorkspace ws = LocalWorkspace.open(wsDir, Clock.systemUTC(), () -> "bench");
        JobService jobs = LocalJobs.open(ws, Clock.systemUTC())) {
      pipeline(ws, jobs, Math.max(1000, n / 10), dir);
      direct(ws, Math.max(1000, n / 10));
      double viaAgent = pipeline(ws, jobs, n, dir);
      double store = direct(ws, n);
      System.out.printf(Locale.ROOT, "points: %,d%n", n);
      System.out.printf(Locale.ROOT, "baseline (MetricIngestor straight into H2): %,.0f points/s%n", store);
      System.out.printf(Locale.ROOT, "agent -> pipe -> exactly-once store: %,.0f points/s%n", viaAgent);
      System.out.printf(Locale.ROOT, "ratio agent/baseline: %.2f%n", viaAgent / store);
    }
  }

  static double pipeline(LocalWorkspace ws, JobService jobs, int n, Path dir) throws Exception {
    String awk = "BEGIN{for(i=1;i<=" + n + ";i++) printf \"##flightdeck metric m %.6f %d\\n\", i*0.001, i}";
    long t0 = System.nanoTime();
    JobRecord job =
        jobs.submitCommand(new CommandRequest(List.of("awk", awk), dir, Map.of(), "", "bench", "pipe-" + n));
    JobRecord end = jobs.awaitEnd(job.jobId(), Duration.ofMinutes(30));
    long t1 = System.nanoTime();
    if (end.state() != JobState.SUCCEEDED) {
      throw new IllegalStateException("job ended " + end.state() + ": " + end.message());
    }
    int stored = ws.tracking().repository().metricHistory(job.runId(), "m").size();
    if (stored != n) {
      throw new IllegalStateException("stored " + stored + " of " + n + " points");
    }
    return n / ((t1 - t0) / 1e9);
  }

  static double direct(LocalWorkspace ws, int n) throws Exception {
    TrackingService t = ws.tracking();
    RunInfo run = t.startRun(t.ensureExperiment("bench").id(), "direct-" + n, "local", "bench", null);
    MetricIngestor in = t.ingestor();
    long t0 = System.nanoTime();
    long now = System.currentTimeMillis();
    for (int i = 1; i <= n; i++) {
      in.offer(run.runId(), new Metric("m", i * 0.001, now, i));
    }
    in.flush();
    long t1 = System.nanoTime();
    return n / ((t1 - t0) / 1e9);
  }
}
