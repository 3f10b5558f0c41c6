import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.CsvDialect;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.columnar.ColumnarWriter;
import io.flightdeck.core.dataset.drift.DriftOptions;
import io.flightdeck.core.dataset.drift.DriftReport;
import io.flightdeck.store.LocalWorkspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Dataset benchmarks (issue 3). Single-file program, run against the built app:
 *
 * <pre>
 * mvn -B -o install -DskipTests -pl core,local-store,app
 * java -Xmx512m -cp "app/target/flightdeck.jar:app/target/lib/*" benchmarks/datasets/DatasetBench.java import 1024 /tmp/bench
 * java -Xmx512m -cp "app/target/flightdeck.jar:app/target/lib/*" benchmarks/datasets/DatasetBench.java drift 1000000 /tmp/bench
 * </pre>
 *
 * {@code import MB DIR}: generates a CSV of about MB megabytes (16 columns: id, timestamp, 10
 * decimals, 2 integers, 2 categories) once (kept in DIR), then, in the same JVM and in this order:
 * a bare Commons CSV parse of the file (every value touched), and a full Flightdeck import into a
 * new workspace (preview, parse, type checks, profiles, columnar file, store, H2). Prints rows/s,
 * MB/s and the ratio import/baseline. {@code drift ROWS DIR}: two versions of 50 numeric columns
 * with ROWS rows each (written straight to the columnar format), drift with default methods
 * (Wasserstein for references over 1000 rows), timed end to end.
 */
public final class DatasetBench {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "/tmp/flightdeck-bench"));
    if (mode.equals("import")) {
      importBench(Long.parseLong(args[1]), dir);
    } else {
      driftBench(Integer.parseInt(args[1]), dir);
    }
  }

  static void importBench(long mb, Path dir) throws Exception {
    Path csv = dir.resolve("bench-" + mb + "mb.csv");
    if (!Files.exists(csv)) {
      long t = System.nanoTime();
      generate(csv, mb << 20);
      System.out.printf("generated %s in %.1f s%n", csv, (System.nanoTime() - t) / 1e9);
    }
    double size = Files.size(csv) / 1048576.0;
    long c0 = cpu();
    long t0 = System.nanoTime();
    long[] base = baseline(csv);
    double baseSecs = (System.nanoTime() - t0) / 1e9;
    double baseCpu = (cpu() - c0) / 1e9;
    System.out.printf(Locale.ROOT, "baseline commons-csv parse: %d rows in %.2f s = %.0f rows/s, %.1f MB/s (cpu %.2f s)%n",
        base[0], baseSecs, base[0] / baseSecs, size / baseSecs, baseCpu);
    Path ws = dir.resolve("ws-" + System.nanoTime());
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "bench")) {
      long c1 = cpu();
      long t1 = System.nanoTime();
      ImportPreview p = w.datasets().preview(csv, Optional.empty(), Optional.empty());
      DatasetVersionInfo v = w.datasets().importCsv(ImportRequest.from(p, "bench"), ImportProgress.NONE);
      double secs = (System.nanoTime() - t1) / 1e9;
      double cpuSecs = (cpu() - c1) / 1e9;
      System.out.printf(Locale.ROOT, "flightdeck import: %d rows in %.2f s = %.0f rows/s, %.1f MB/s (cpu %.2f s); data file %.1f MB%n",
          v.lineage().rows(), secs, v.lineage().rows() / secs, size / secs, cpuSecs, v.dataSize() / 1048576.0);
      System.out.printf(Locale.ROOT, "ratio import/baseline: throughput %.2f, cpu %.2f; max heap %d MB, peak heap used %d MB, load average %.2f%n",
          baseSecs / secs, baseCpu / cpuSecs, Runtime.getRuntime().maxMemory() >> 20, peakHeapMb(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    } finally {
      deleteTree(ws);
    }
  }

  /** CPU time of the whole process (all threads, JIT and GC included), in ns. */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long peakHeapMb() {
    long peak = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  static long[] baseline(Path csv) throws IOException {
    long rows = 0;
    long chars = 0;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, CsvDialect.DEFAULT.toFormat())) {
      for (CSVRecord rec : parser) {
        for (String s : rec.values()) {
          chars += s.length();
        }
        rows++;
      }
    }
    return new long[] {rows - 1, chars};
  }

  static void generate(Path csv, long bytes) throws IOException {
    SplittableRandom rnd = new SplittableRandom(7);
    String[] cats = {"red", "green", "blue", "yellow", "purple", "orange", "black", "white"};
    String[] cities = {"Berlin", "Lisbon", "Oslo", "Quito", "Nairobi", "Hanoi", "Perth", "Lima", "Riga", "Pune"};
    long base = 1_600_000_000_000L;
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("id,ts,x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,n0,n1,color,city\n");
      long written = 0;
      long id = 0;
      StringBuilder b = new StringBuilder(256);
      java.time.format.DateTimeFormatter f =
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
      while (written < bytes) {
        b.setLength(0);
        b.append(++id).append(',').append(f.format(java.time.Instant.ofEpochMilli(base + id * 1000)));
        for (int i = 0; i < 10; i++) {
          double x = Math.round((rnd.nextGaussian() * (i + 1) + i * 10) * 10000) / 10000.0;
          b.append(',').append(x);
        }
        b.append(',').append(rnd.nextInt(1000)).append(',').append(rnd.nextInt(-50, 50));
        b.append(',').append(cats[rnd.nextInt(cats.length)]).append(',').append(cities[rnd.nextInt(cities.length)]);
        b.append('\n');
        w.append(b);
        written += b.length();
      }
    }
  }

  static void driftBench(int rows, Path dir) throws Exception {
    Path ws = dir.resolve("ws-drift-" + System.nanoTime());
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "bench")) {
      // 2 x 50M values through CSV would mostly time the import: write the columnar files
      // directly and run the analyzer (what DatasetService.drift runs) on them.
      List<ColumnSpec> schema = new ArrayList<>();
      for (int c = 0; c < 50; c++) {
        schema.add(ColumnSpec.of("f" + c, ColumnType.DECIMAL));
      }
      Path a = dir.resolve("drift-ref.fdcol");
      Path b = dir.resolve("drift-cur.fdcol");
      long t = System.nanoTime();
      write(a, schema, rows, 1, 0.0);
      write(b, schema, rows, 2, 0.05);
      System.out.printf(Locale.ROOT, "wrote 2 x %d rows x 50 columns in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);
      var info = new java.util.function.BiFunction<String, Integer, DatasetVersionInfo>() {
        public DatasetVersionInfo apply(String name, Integer v) {
          var l = new io.flightdeck.core.dataset.Lineage("bench", 0, java.time.Instant.EPOCH, "0".repeat(64), "bench",
              java.time.Instant.EPOCH, rows, 50, 0, CsvDialect.DEFAULT);
          return new DatasetVersionInfo(new DatasetRef(name, v), l, schema, "0".repeat(64), 0,
              io.flightdeck.core.dataset.ValidationStatus.NOT_VALIDATED, Optional.empty());
        }
      };
      for (int run = 0; run < 3; run++) {
        try (var ra = io.flightdeck.core.dataset.columnar.ColumnarReader.open(a);
            var rb = io.flightdeck.core.dataset.columnar.ColumnarReader.open(b)) {
          long c1 = cpu();
          long t1 = System.nanoTime();
          DriftReport r = new io.flightdeck.core.dataset.drift.DriftAnalyzer().compare(
              new io.flightdeck.core.dataset.drift.DriftAnalyzer.Side(info.apply("bench", 1), ra),
              new io.flightdeck.core.dataset.drift.DriftAnalyzer.Side(info.apply("bench", 2), rb),
              DriftOptions.defaults(), ImportProgress.NONE, java.time.Instant.now());
          double secs = (System.nanoTime() - t1) / 1e9;
          System.out.printf(Locale.ROOT, "run %d: drift 50 columns, %d vs %d rows: %.2f s, cpu %.2f s (%d drifted, method %s, %d cores, load average %.2f)%n",
              run + 1, rows, rows, secs, (cpu() - c1) / 1e9, r.driftedColumns(), r.columns().get(0).method(),
              Runtime.getRuntime().availableProcessors(),
              java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
      }
    } finally {
      deleteTree(ws);
    }
  }

  static void write(Path file, List<ColumnSpec> schema, int rows, long seed, double shift) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (ColumnarWriter w = new ColumnarWriter(file, schema)) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < schema.size(); c++) {
          w.addDouble(c, rnd.nextGaussian() + (c % 2 == 0 ? shift * c / 10 : 0));
        }
        w.endRow(r + 2);
      }
      w.finish();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    }
  }
}
