import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.MetricIngestor;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metric ingestion benchmark (issue 4). Single-file program, run against the built modules:
 *
 * <pre>
 * mvn -B -o -q install -DskipTests -pl core,local-store
 * mvn -B -o -q dependency:build-classpath -pl local-store -Dmdep.outputFile=/tmp/fd-cp.txt
 * java -Xmx1g -cp "local-store/target/classes:core/target/classes:$(cat /tmp/fd-cp.txt)" \
 *   benchmarks/tracking/IngestBench.java 100 10 1000 /tmp/ingest-bench
 * </pre>
 *
 * (or {@code -cp "app/target/flightdeck.jar:app/target/lib/*"} once the app is built.)
 *
 * <p>Arguments: RUNS KEYS STEPS DIR. Ingests RUNS x KEYS x STEPS metric points, interleaved as a
 * sweep logs them (for each step, every run logs every key), into a fresh workspace through {@link
 * MetricIngestor} (offer from one thread, then flush), and, in the same JVM, the same rows with a
 * plain JDBC batch insert (commit every 1,000 rows) into a bare table (no key, no index) in another
 * fresh H2 file. Each side runs once at a tenth of the size first (warm-up, not reported). Prints
 * points/s of both and the ratio Flightdeck / baseline.
 */
public final class IngestBench {
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    int keys = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    Path dir = Files.createDirectories(Path.of(args.length > 3 ? args[3] : "/tmp/ingest-bench"));
    String stamp = Long.toString(System.currentTimeMillis());
    long n = (long) runs * keys * steps;
    System.out.printf(Locale.ROOT, "points: %,d (%d runs x %d keys x %d steps)%n", n, runs, keys, steps);

    baseline(dir.resolve("warm-bare-" + stamp), runs, keys, Math.max(1, steps / 10));
    flightdeck(dir.resolve("warm-ws-" + stamp), runs, keys, Math.max(1, steps / 10));

    double base = baseline(dir.resolve("bare-" + stamp), runs, keys, steps);
    double fd = flightdeck(dir.resolve("ws-" + stamp), runs, keys, steps);
    System.out.printf(Locale.ROOT, "baseline (JDBC batch, commit/1000, bare table): %,.0f points/s%n", base);
    System.out.printf(Locale.ROOT, "flightdeck (MetricIngestor -> JooqTrackingRepository): %,.0f points/s%n", fd);
    System.out.printf(Locale.ROOT, "ratio flightdeck/baseline: %.2f%n", fd / base);
  }

  static double flightdeck(Path wsDir, int runs, int keys, int steps) throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.open(wsDir, Clock.systemUTC(), () -> "bench")) {
      TrackingService t = ws.tracking();
      long exp = t.defaultExperiment().id();
      List<String> ids = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        ids.add(t.startRun(exp, "run-" + r, "local", "bench", null).runId());
      }
      String[] names = keyNames(keys);
      AtomicLong failures = new AtomicLong();
      MetricIngestor ingestor = t.ingestor();
      t.addIngestListener((b, e) -> failures.addAndGet(b.metrics().size()));
      long ts = System.currentTimeMillis();
      long start = System.nanoTime();
      for (int s = 0; s < steps; s++) {
        for (int r = 0; r < runs; r++) {
          String id = ids.get(r);
          for (int k = 0; k < keys; k++) {
            ingestor.offer(id, new Metric(names[k], value(r, k, s), ts + s, s));
          }
        }
      }
      ingestor.flush();
      double secs = (System.nanoTime() - start) / 1e9;
      if (failures.get() > 0) {
        throw new IllegalStateException(failures.get() + " points failed");
      }
      long stored = t.repository().runRows(exp).stream().mapToLong(row -> row.metrics().values().stream().mapToLong(m -> m.count()).sum()).sum();
      if (stored != (long) runs * keys * steps) {
        throw new IllegalStateException("stored " + stored);
      }
      return runs * (double) keys * steps / secs;
    }
  }

  static double baseline(Path dbDir, int runs, int keys, int steps) throws Exception {
    Files.createDirectories(dbDir);
    String url = "jdbc:h2:file:" + dbDir.resolve("bare") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute(
          "CREATE TABLE METRIC (RUN_ID CHAR(32) NOT NULL, METRIC_KEY VARCHAR(250) NOT NULL,"
              + " METRIC_VALUE DOUBLE NOT NULL, TS_MS BIGINT NOT NULL, STEP BIGINT NOT NULL)");
      c.setAutoCommit(false);
      List<String> ids = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        ids.add(String.format("%032x", r + 1));
      }
      String[] names = keyNames(keys);
      long ts = System.currentTimeMillis();
      long start = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO METRIC VALUES (?, ?, ?, ?, ?)")) {
        int pending = 0;
        for (int s = 0; s < steps; s++) {
          for (int r = 0; r < runs; r++) {
            for (int k = 0; k < keys; k++) {
              ps.setString(1, ids.get(r));
              ps.setString(2, names[k]);
              ps.setDouble(3, value(r, k, s));
              ps.setLong(4, ts + s);
              ps.setLong(5, s);
              ps.addBatch();
              if (++pending == 1000) {
                ps.executeBatch();
                c.commit();
                pending = 0;
              }
            }
          }
        }
        ps.executeBatch();
        c.commit();
      }
      return runs * (double) keys * steps / ((System.nanoTime() - start) / 1e9);
    }
  }

  static String[] keyNames(int keys) {
    String[] names = new String[keys];
    for (int k = 0; k < keys; k++) {
      names[k] = "train/metric_" + k;
    }
    return names;
  }

  static double value(int r, int k, int s) {
    return Math.exp(-s / 300.0) * (1 + r * 0.01) + k * 0.1;
  }
}
