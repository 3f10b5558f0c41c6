package io.flightdeck.store.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.CsvDialect;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.csv.TimestampFormat;
import io.flightdeck.core.dataset.csv.ValueParser;
import io.flightdeck.store.LocalWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export gives back the imported values, cell by cell, for every type. */
class ExportRoundTripTest {
  @TempDir Path tmp;

  static final String INPUT =
      "id;when;amount;flag;color;note;ratio\n"
          + "1;31/12/2023;1.5;yes;red;\"plain, with comma\";0.25\n"
          + "2;01/01/2024;-2e-5;no;blue;\"quote \"\" inside\";NaN\n"
          + "3;15/01/2024;;yes;red;\"two\nlines\";Inf\n"
          + "4;;1234567.125;;green;;-Inf\n"
          + "5;29/02/2024;0;no;;ünïcödé ✓;\n";

  private static List<List<String>> records(Reader r, char delimiter) throws IOException {
    List<List<String>> out = new ArrayList<>();
    CsvDialect d =
        new CsvDialect(delimiter, true, '"', io.flightdeck.core.dataset.TextEncoding.UTF_8);
    try (CSVParser p = CSVParser.parse(r, d.toFormat())) {
      for (CSVRecord rec : p) {
        out.add(rec.toList());
      }
    }
    return out;
  }

  /** Compares two cells as values of the column's type. */
  private static void sameValue(ColumnSpec c, String a, String b) {
    ValueParser p = new ValueParser();
    boolean missingA = c.type().isString() ? a.isEmpty() : ValueParser.isMissingToken(a);
    boolean missingB = c.type().isString() ? b.isEmpty() : ValueParser.isMissingToken(b);
    assertThat(missingB).as(c.name() + ": " + a + " vs " + b).isEqualTo(missingA);
    if (missingA) {
      return;
    }
    switch (c.type()) {
      case DECIMAL -> {
        double x = p.tryDouble(a) || p.tryNonFinite(a) ? p.doubleValue : Double.NaN;
        double y = p.tryDouble(b) || p.tryNonFinite(b) ? p.doubleValue : -1;
        assertThat(Double.compare(x, y)).as(c.name() + ": " + a + " vs " + b).isZero();
      }
      case TIMESTAMP -> {
        TimestampFormat f = TimestampFormat.of(c.format());
        assertThat(f.parse(b)).isEqualTo(f.parse(a));
      }
      case BOOLEAN -> {
        p.tryBoolean(a);
        boolean x = p.booleanValue;
        p.tryBoolean(b);
        assertThat(p.booleanValue).isEqualTo(x);
        assertThat(b).isEqualTo(a); // the file's own tokens come back
      }
      default -> assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void exportGivesBackTheInputValues() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.csv"), INPUT, StandardCharsets.UTF_8);
    try (LocalWorkspace ws = LocalWorkspace.open(tmp.resolve("ws"), Clock.systemUTC(), () -> "t")) {
      DatasetService ds = ws.datasets();
      ImportPreview p = ds.preview(in, Optional.empty(), Optional.empty());
      assertThat(p.columns())
          .extracting(ColumnSpec::type)
          .containsExactly(
              ColumnType.INTEGER,
              ColumnType.TIMESTAMP,
              ColumnType.DECIMAL,
              ColumnType.BOOLEAN,
              ColumnType.TEXT,
              ColumnType.TEXT,
              ColumnType.DECIMAL);
      // four values are too few to call 'color' categorical; the user says so in the preview
      ImportRequest req = ImportRequest.from(p, "rt").withType("color", ColumnType.CATEGORICAL, "");
      DatasetVersionInfo v = ds.importCsv(req, ImportProgress.NONE);
      Path out = tmp.resolve("out.csv");
      assertThat(ds.export(v.ref(), out, ImportProgress.NONE)).isEqualTo(5);
      List<List<String>> a = records(new StringReader(INPUT), ';');
      List<List<String>> b = records(Files.newBufferedReader(out), ',');
      assertThat(b).hasSameSizeAs(a);
      assertThat(b.get(0)).isEqualTo(a.get(0));
      for (int r = 1; r < a.size(); r++) {
        for (int c = 0; c < v.schema().size(); c++) {
          sameValue(v.schema().get(c), a.get(r).get(c), b.get(r).get(c));
        }
      }
      Path gz = tmp.resolve("out.csv.gz");
      ds.export(v.ref(), gz, ImportProgress.NONE);
      try (InputStream g = new GZIPInputStream(Files.newInputStream(gz))) {
        assertThat(new String(g.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo(Files.readString(out));
      }
      assertThat(ds.head(v.ref(), 2).get(1))
          .containsExactly("2", "01/01/2024", "-2.0E-5", "no", "blue", "quote \" inside", "NaN");
      // and the export imports again as the same values
      ImportPreview again = ds.preview(out, Optional.empty(), Optional.empty());
      assertThat(again.columns())
          .extracting(ColumnSpec::type)
          .isEqualTo(p.columns().stream().map(ColumnSpec::type).toList());
    }
  }

  @Test
  void anAlteredDataFileIsNotExported() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.csv"), INPUT, StandardCharsets.UTF_8);
    try (LocalWorkspace ws = LocalWorkspace.open(tmp.resolve("ws"), Clock.systemUTC(), () -> "t")) {
      DatasetService ds = ws.datasets();
      DatasetVersionInfo v =
          ds.importCsv(
              ImportRequest.from(ds.preview(in, Optional.empty(), Optional.empty()), "rt"),
              ImportProgress.NONE);
      Path data = ws.artifacts().pathOf(v.dataSha256());
      data.toFile().setWritable(true);
      byte[] bytes = Files.readAllBytes(data);
      bytes[20] ^= 1;
      Files.write(data, bytes);
      Path out = tmp.resolve("out.csv");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ds.export(v.ref(), out, ImportProgress.NONE))
          .hasMessageContaining("has been altered");
      assertThat(out).doesNotExist();
    }
  }
}
