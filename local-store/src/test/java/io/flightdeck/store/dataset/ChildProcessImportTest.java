package io.flightdeck.store.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.store.LocalWorkspace;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports in a second JVM: a ~50 MB file with a 64 MB heap (memory stays bounded), and a process
 * killed in the middle of an import (the next open finds no version and no leftover files).
 */
class ChildProcessImportTest {
  @TempDir static Path shared;
  static Path big;
  @TempDir Path tmp;

  @BeforeAll
  static void generate() throws IOException {
    big = shared.resolve("big.csv");
    SplittableRandom r = new SplittableRandom(11);
    String[] cats = {"alpha", "beta", "gamma", "delta"};
    try (BufferedWriter w = Files.newBufferedWriter(big)) {
      w.write("id,ts,x,y,z,n,cat\n");
      StringBuilder b = new StringBuilder();
      for (int i = 0; Files.size(big) < 0 || b.length() >= 0; i++) {
        b.setLength(0);
        b.append(i)
            .append(',')
            .append("2024-01-01 00:00:")
            .append(String.format("%02d", i % 60))
            .append(',')
            .append(Math.round(r.nextGaussian() * 1e4) / 1e4)
            .append(',')
            .append(Math.round(r.nextDouble() * 1e6) / 1e3)
            .append(',')
            .append(r.nextInt(100_000))
            .append(',')
            .append(r.nextInt(10))
            .append(',')
            .append(cats[r.nextInt(4)])
            .append('\n');
        w.append(b);
        if (i % 100_000 == 0) {
          w.flush();
          if (Files.size(big) > 50L << 20) {
            break;
          }
        }
      }
    }
  }

  private static Process start(String heap, Path ws) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            heap,
            "-cp",
            System.getProperty("java.class.path"),
            ImportProcess.class.getName(),
            ws.toString(),
            big.toString(),
            "big")
        .redirectErrorStream(true)
        .start();
  }

  private static List<String> lines(Process p) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void fiftyMegabytesImportWithA64MegabyteHeap() throws Exception {
    assertThat(Files.size(big)).isGreaterThan(50L << 20);
    Process p = start("-Xmx64m", tmp.resolve("ws"));
    List<String> out = lines(p);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
    String done = out.stream().filter(l -> l.startsWith("IMPORTED")).findFirst().orElseThrow();
    String[] f = done.split(" ");
    assertThat(f[1]).isEqualTo("big:1");
    assertThat(Long.parseLong(f[2])).isGreaterThan(1_000_000);
    assertThat(Long.parseLong(f[3])).isLessThanOrEqualTo(64);
  }

  @Test
  void aKilledImportLeavesNoVersionAndTheNextOpenCleansUp() throws Exception {
    Path ws = tmp.resolve("ws");
    Process p = start("-Xmx256m", ws);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null && !line.startsWith("PROGRESS")) {
        // wait until rows are being written
      }
      assertThat(line).as("the child reported progress").isNotNull();
      try (Stream<Path> s = Files.list(ws.resolve("store/tmp"))) {
        assertThat(s.count()).as("an import in progress has a temporary file").isPositive();
      }
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "t")) {
      assertThat(w.datasets().list()).isEmpty();
      try (Stream<Path> s = Files.list(ws.resolve("store/tmp"))) {
        assertThat(s.toList()).isEmpty();
      }
    }
  }
}
