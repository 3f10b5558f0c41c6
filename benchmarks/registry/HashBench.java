import io.flightdeck.core.registry.ModelInspection;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.store.FileArtifactStore;
import io.flightdeck.store.LocalWorkspace;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Registry hashing benchmark (issue 5). Single-file program, run against the built modules:
 *
 * <pre>
 * mvn -B -o -q install -DskipTests -pl core,local-store
 * mvn -B -o -q dependency:build-classpath -pl local-store -Dmdep.outputFile=/tmp/fd-cp.txt
 * java -Xmx512m -cp "local-store/target/classes:core/target/classes:$(cat /tmp/fd-cp.txt)" \
 *   benchmarks/registry/HashBench.java 1024 3 /tmp/hash-bench
 * </pre>
 *
 * <p>Arguments: SIZE_MB ROUNDS DIR. Writes one SIZE_MB file of random bytes, then, ROUNDS times in
 * the same JVM and round-robin (after one unreported warm-up round of each at a tenth of the size):
 * the baseline, a plain {@code MessageDigest} SHA-256 over a {@code FileChannel} read loop (1 MiB
 * direct buffer); {@code sha256sum} (a second baseline, native); the store's verify-on-read hash
 * ({@code FileArtifactStore.hashOf}); {@code RegistryService.verify()} over one registered version;
 * {@code RegistryService.checkedCopy} (hash while copying, then rename); and {@code registerFile}
 * (copy while hashing, inspect with a no-op inspector, put into the store: a second copy, hash and
 * fsync). The file is read from the page cache after the first pass (it fits in RAM), so the
 * figures are CPU-bound hashing plus copying, not disk reads. Prints the best and median MB/s
 * (MB = 10^6 bytes) of each and its ratio to the baseline.
 */
public final class HashBench {
  private static final ModelInspection ANY =
      new ModelInspection(
          new ModelSignature(List.of(), List.of(), 8, 17, "bench", "", List.of(), List.of()),
          "",
          "unknown");

  public static void main(String[] args) throws Exception {
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "/tmp/hash-bench"));
    Path big = dir.resolve("big.onnx");
    Path warm = dir.resolve("warm.onnx");
    write(big, (long) mb << 20);
    write(warm, Math.max(1, mb / 10) << 20);
    System.out.printf(Locale.ROOT, "file: %,d bytes, %d rounds, %s%n", Files.size(big), rounds, dir);

    Path wsDir = dir.resolve("ws-" + System.currentTimeMillis());
    try (LocalWorkspace ws = LocalWorkspace.open(wsDir, Clock.systemUTC(), () -> "bench", (f, s) -> ANY)) {
      RegistryService reg = ws.registry();
      ModelVersion warmV = reg.registerFile(warm, "warm", "");
      ModelVersion bigV = reg.registerFile(big, "big", "");
      String expected = bigV.sha256();
      Path out = Files.createDirectories(dir.resolve("copies"));

      List<Case> cases = new ArrayList<>();
      cases.add(new Case("baseline: MessageDigest over FileChannel", f -> check(channelSha(f), f, expected, warmV)));
      cases.add(new Case("sha256sum (native)", f -> check(sha256sum(f), f, expected, warmV)));
      cases.add(
          new Case("store verify-on-read (FileArtifactStore.hashOf)", f -> check(FileArtifactStore.hashOf(f), f, expected, warmV)));
      cases.add(
          new Case(
              "registry verify()",
              f -> {
                if (!reg.verify().consistent()) {
                  throw new IllegalStateException("registry not consistent");
                }
                return null;
              }));
      cases.add(
          new Case(
              "registry checkedCopy (hash while copying)",
              f -> {
                Path c = reg.checkedCopy(f.equals(big) ? bigV : warmV, out);
                Files.delete(c);
                return null;
              }));
      cases.add(
          new Case(
              "registry registerFile (copy+hash, put: copy+hash+fsync)",
              f -> {
                reg.registerFile(f, f.equals(big) ? "big" : "warm", "");
                return null;
              }));

      for (Case c : cases) {
        c.time(warm); // warm-up, not reported
      }
      // verify() re-hashes every stored file once: the big one and the warm one
      long verifyBytes = Files.size(big) + Files.size(warm);
      for (int r = 0; r < rounds; r++) {
        for (Case c : cases) {
          long bytes = c.name.equals("registry verify()") ? verifyBytes : Files.size(big);
          c.mbps.add(bytes / 1e6 / c.time(big));
        }
      }
      double base = median(cases.get(0).mbps);
      System.out.printf(Locale.ROOT, "%-58s %10s %10s %8s%n", "path", "best MB/s", "median", "ratio");
      for (Case c : cases) {
        double med = median(c.mbps);
        double best = c.mbps.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "%-58s %10.0f %10.0f %8.2f%n", c.name, best, med, med / base);
      }
    } finally {
      deleteTree(dir);
    }
  }

  private interface Body {
    Object run(Path file) throws Exception;
  }

  private static final class Case {
    final String name;
    final Body body;
    final List<Double> mbps = new ArrayList<>();

    Case(String name, Body body) {
      this.name = name;
      this.body = body;
    }

    /** Seconds for one run on {@code file}. */
    double time(Path file) throws Exception {
      long t0 = System.nanoTime();
      body.run(file);
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  private static Object check(String actual, Path f, String expectedBig, ModelVersion warm) {
    String want = f.getFileName().toString().equals("big.onnx") ? expectedBig : warm.sha256();
    if (!actual.equals(want)) {
      throw new IllegalStateException("hash mismatch: " + actual + " vs " + want);
    }
    return null;
  }

  static String channelSha(Path f) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String sha256sum(Path f) throws Exception {
    Process p = new ProcessBuilder("sha256sum", f.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("sha256sum failed: " + out);
    }
    return out.substring(0, 64);
  }

  private static void write(Path f, long bytes) throws Exception {
    SplittableRandom rnd = new SplittableRandom(42);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(f)) {
      for (long done = 0; done < bytes; done += block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long v = rnd.nextLong();
          for (int k = 0; k < 8; k++) {
            block[i + k] = (byte) (v >>> (8 * k));
          }
        }
        out.write(block, 0, (int) Math.min(block.length, bytes - done));
      }
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Comparator.naturalOrder());
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.deleteIfExists(p);
      }
    }
  }
}
