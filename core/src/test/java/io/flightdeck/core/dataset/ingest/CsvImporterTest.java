package io.flightdeck.core.dataset.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.dataset.BadRowPolicy;
import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.TextEncoding;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.dataset.csv.CsvPreviewer;
import io.flightdeck.core.error.FlightdeckException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import pass on real files, the bad inputs of issue 3 included. */
class CsvImporterTest {
  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Path work() throws IOException {
    return Files.createDirectories(tmp.resolve("work"));
  }

  private static ImportRequest request(Path f) {
    ImportPreview p = new CsvPreviewer().preview(f, Optional.empty(), Optional.empty());
    return ImportRequest.from(p, "t");
  }

  private ImportOutcome run(ImportRequest r) throws IOException {
    return new CsvImporter().run(r, work(), ImportProgress.NONE);
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(work())) {
      return s.toList();
    }
  }

  @Test
  void raggedRowFailsNamingItsLine() throws IOException {
    Path f = file("r.csv", "a,b\n1,2\n3,4\n5,6,7\n8,9\n");
    assertThatThrownBy(() -> run(request(f)))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("line 4 has 3 fields where 2 are expected")
        .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("--skip-bad-rows"));
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void raggedRowsAreSkippedAndCounted() throws IOException {
    Path f = file("r.csv", "a,b\n1,2\n3\n5,6,7\n8,9\n");
    ImportOutcome o = run(request(f).withBadRows(BadRowPolicy.SKIP_AND_COUNT));
    assertThat(o.rows()).isEqualTo(2);
    assertThat(o.skippedRows()).isEqualTo(2);
    assertThat(o.skippedLines()).containsExactly(3L, 4L);
    try (ColumnarReader r = ColumnarReader.open(o.dataFile())) {
      assertThat(r.lines(0)).containsExactly(2, 5);
    }
  }

  @Test
  void invalidBytesBeyondThePreviewAreNamedByLineAndOffset() throws IOException {
    Path f = tmp.resolve("late.csv");
    long offset;
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("id,city\n".getBytes(StandardCharsets.UTF_8));
      long written = 8;
      int line = 1;
      while (written < 5_000_000) {
        byte[] row = (line + ",Zürich\n").getBytes(StandardCharsets.UTF_8);
        out.write(row);
        written += row.length;
        line++;
      }
      offset = written + 3; // "x,K" comes first
      out.write(("x,K" + (char) 0xF6 + "ln\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write("y,Bern\n".getBytes(StandardCharsets.UTF_8));
      assertThat(line).isGreaterThan(300_000);
    }
    ImportRequest req = request(f);
    assertThat(req.dialect().encoding()).isEqualTo(TextEncoding.UTF_8);
    assertThatThrownBy(() -> run(req))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("byte offset " + offset)
        .hasMessageContaining("F6")
        .satisfies(
            e -> assertThat(((FlightdeckException) e).hint()).contains("--encoding latin-1"));
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aHundredMegabyteLineIsRefusedWithoutBufferingIt() throws IOException {
    Path f = tmp.resolve("huge.csv");
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write("a,b\n1,2\n3,\"".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\"\n".getBytes(StandardCharsets.US_ASCII));
    }
    ImportRequest req = request(f);
    assertThatThrownBy(() -> run(req))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("longer than 10 MB");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void tenThousandColumnsImport() throws IOException {
    int cols = 10_000;
    Path f = tmp.resolve("wide.csv");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      for (int c = 0; c < cols; c++) {
        w.write((c == 0 ? "" : ",") + "c" + c);
      }
      w.write('\n');
      for (int r = 0; r < 30; r++) {
        for (int c = 0; c < cols; c++) {
          w.write(
              (c == 0 ? "" : ",")
                  + (c % 3 == 0 ? Integer.toString(r * c) : c % 3 == 1 ? r + ".5" : "k" + (r % 4)));
        }
        w.write('\n');
      }
    }
    ImportOutcome o = run(request(f));
    assertThat(o.rows()).isEqualTo(30);
    assertThat(o.profiles()).hasSize(cols);
    try (ColumnarReader r = ColumnarReader.open(o.dataFile())) {
      assertThat(r.columns()).hasSize(cols);
      int last = cols - 1; // 9999 % 3 == 0
      ColumnChunk chunk = r.chunk(0, last);
      assertThat(chunk.longAt(29)).isEqualTo(29L * last);
      assertThat(r.chunk(0, 9998).stringAt(5)).isEqualTo("k1");
    }
  }

  @Test
  void nanInfinityAndEmptyCellsInNumericColumns() throws IOException {
    Path f = file("n.csv", "x,y\n1.5,1\nNaN,2\n,3\nInf,\n-Infinity,5\nNA,6\n2.5,NA\n");
    ImportOutcome o = run(request(f));
    ColumnProfile x = o.profiles().get(0);
    assertThat(x.nan()).isEqualTo(1);
    assertThat(x.infinite()).isEqualTo(2);
    assertThat(x.missing()).isEqualTo(2);
    assertThat(x.min()).isEqualTo(1.5);
    assertThat(x.max()).isEqualTo(2.5);
    assertThat(x.mean()).isEqualTo(2.0);
    assertThat(o.profiles().get(1).missing()).isEqualTo(2);
    try (ColumnarReader r = ColumnarReader.open(o.dataFile())) {
      ColumnChunk c = r.chunk(0, 0);
      assertThat(c.doubleAt(1)).isNaN();
      assertThat(c.isNull(2)).isTrue();
      assertThat(c.doubleAt(3)).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(c.doubleAt(4)).isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(c.isNull(5)).isTrue();
    }
  }

  @Test
  void aValueOfAnotherTypeAfterTheSampleNamesLineColumnAndValue() throws IOException {
    StringBuilder b = new StringBuilder("n,label\n");
    for (int i = 0; i < 10_050; i++) {
      b.append(i).append(",a\n");
    }
    b.append("abc,b\n").append("7,c\n");
    Path f = file("mixed.csv", b.toString());
    ImportRequest req = request(f);
    assertThatThrownBy(() -> run(req))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("line 10052, column 'n' (field 1): 'abc' is not a whole number");
    ImportOutcome o = run(req.withBadRows(BadRowPolicy.SKIP_AND_COUNT));
    assertThat(o.rows()).isEqualTo(10_051);
    assertThat(o.skippedLines()).containsExactly(10_052L);
  }

  @Test
  void quotedLineBreaksKeepLineNumbersExact() throws IOException {
    Path f = file("q.csv", "id,note\n1,\"two\nlines\"\n2,x\nzz,y\n");
    ImportRequest req =
        request(f).withType("id", io.flightdeck.core.dataset.ColumnType.INTEGER, "");
    assertThatThrownBy(() -> run(req)).hasMessageContaining("line 5, column 'id'");
    ImportOutcome o = run(req.withBadRows(BadRowPolicy.SKIP_AND_COUNT));
    try (ColumnarReader r = ColumnarReader.open(o.dataFile())) {
      assertThat(r.lines(0)).containsExactly(2, 4);
      assertThat(r.chunk(0, 1).stringAt(0)).isEqualTo("two\nlines");
    }
  }

  @Test
  void anUnclosedQuoteIsReportedAsCsvError() throws IOException {
    Path f = file("u.csv", "a,b\n1,2\n3,\"oops\n4,5\n");
    assertThatThrownBy(() -> run(request(f)))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("as CSV at line 3");
  }

  @Test
  void cancellingStopsAndLeavesNothing() throws IOException {
    StringBuilder b = new StringBuilder("a,b\n");
    for (int i = 0; i < 200_000; i++) {
      b.append(i).append(',').append(i * 0.5).append('\n');
    }
    Path f = file("big.csv", b.toString());
    AtomicInteger checks = new AtomicInteger();
    ImportProgress cancelSoon =
        new ImportProgress() {
          @Override
          public boolean isCancelled() {
            return checks.incrementAndGet() > 3;
          }
        };
    assertThatThrownBy(() -> new CsvImporter().run(request(f), work(), cancelSoon))
        .isInstanceOf(CancellationException.class);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void theSourceHashIsTheSha256OfTheFileBytesAlsoWhenGzipped() throws Exception {
    Path plain = file("p.csv", "a,b\n1,x\n2,y\n");
    assertThat(run(request(plain)).sourceSha256()).isEqualTo(sha256(plain));
    Path gz = tmp.resolve("p.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(plain));
    }
    ImportOutcome o = run(request(gz));
    assertThat(o.sourceSha256()).isEqualTo(sha256(gz));
    assertThat(o.sourceSize()).isEqualTo(Files.size(gz));
    assertThat(o.rows()).isEqualTo(2);
  }

  @Test
  void namesAreCheckedBeforeReading() throws IOException {
    Path f = file("d.csv", "a,a\n1,2\n");
    assertThatThrownBy(() -> run(request(f)))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("Two columns are named 'a'");
    ImportRequest empty = request(f);
    List<ColumnSpec> cols = List.of(empty.columns().get(0).withName(" "), empty.columns().get(1));
    assertThatThrownBy(
            () -> run(new ImportRequest(f, "t", empty.dialect(), cols, BadRowPolicy.FAIL)))
        .hasMessageContaining("Column 1 has an empty name");
  }

  @Test
  void headerOnlyFileIsRefused() throws IOException {
    Path f = file("h.csv", "a,b\n");
    assertThatThrownBy(() -> run(request(f))).hasMessageContaining("has a header but no data rows");
  }

  private static String sha256(Path p) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(p)) {
      d.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
