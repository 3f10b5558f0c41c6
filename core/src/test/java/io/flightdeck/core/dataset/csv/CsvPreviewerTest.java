package io.flightdeck.core.dataset.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.CsvDialect;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.TextEncoding;
import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection of encoding, delimiter, header and types on real files. */
class CsvPreviewerTest {
  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static ImportPreview preview(Path f) {
    return new CsvPreviewer().preview(f, Optional.empty(), Optional.empty());
  }

  private static ColumnType type(ImportPreview p, String column) {
    return p.columns().stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow()
        .type();
  }

  @ParameterizedTest
  @ValueSource(strings = {",", ";", "\t", "|"})
  void detectsEachDelimiter(String d) throws IOException {
    String text =
        String.join(d, "id", "name", "score", "note")
            + "\n"
            + String.join(d, "1", "ann", "3.5", "\"a" + d + "b\"")
            + "\n"
            + String.join(d, "2", "bob", "4.0", "plain")
            + "\n";
    ImportPreview p = preview(file("d.csv", text));
    assertThat(p.dialect().delimiter()).isEqualTo(d.charAt(0));
    assertThat(p.dialect().header()).isTrue();
    assertThat(p.columns())
        .extracting(ColumnSpec::name)
        .containsExactly("id", "name", "score", "note");
    assertThat(p.rows().get(0)).containsExactly("1", "ann", "3.5", "a" + d + "b");
  }

  @Test
  void utf8WithBomIsDetectedAndTheBomIsNotPartOfTheFirstName() throws IOException {
    byte[] body = "größe,wert\n1,ä\n2,ö\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Path f = Files.write(tmp.resolve("bom.csv"), withBom);
    ImportPreview p = preview(f);
    assertThat(p.dialect().encoding()).isEqualTo(TextEncoding.UTF_8_BOM);
    assertThat(p.columns().get(0).name()).isEqualTo("größe");
    assertThat(p.encodingProblem()).isEmpty();
  }

  @Test
  void latin1BytesAreNamedByLineAndOffsetAndLatin1IsOffered() throws IOException {
    byte[] bytes = "city,temp\nBerlin,3\nK\u00f6ln,4\n".getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(tmp.resolve("latin1.csv"), bytes);
    ImportPreview p = preview(f);
    assertThat(p.encodingProblem()).isPresent();
    assertThat(p.encodingProblem().get().line()).isEqualTo(3);
    assertThat(p.encodingProblem().get().byteOffset()).isEqualTo(20);
    assertThat(p.encodingProblem().get().bytesHex()).startsWith("F6");
    assertThat(p.dialect().encoding()).isEqualTo(TextEncoding.LATIN_1);
    assertThat(p.rows().get(1).get(0)).isEqualTo("Köln");
    assertThat(p.notes()).anyMatch(n -> n.contains("Latin-1") && n.contains("line 3"));
  }

  @Test
  void forcingUtf8OnLatin1BytesFailsWithTheOffset() throws IOException {
    byte[] bytes = "city\nK\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(tmp.resolve("latin1.csv"), bytes);
    assertThatThrownBy(
            () -> new CsvPreviewer().preview(f, Optional.of(TextEncoding.UTF_8), Optional.empty()))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("byte offset 6")
        .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("latin-1"));
  }

  @Test
  void emptyFileAndBlankFileAreRefused() throws IOException {
    assertThatThrownBy(() -> preview(file("empty.csv", "")))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("empty (0 bytes)");
    assertThatThrownBy(() -> preview(file("blank.csv", "\n\n  \n")))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("no data");
  }

  @Test
  void headerOnlyIsAProblem() throws IOException {
    ImportPreview p = preview(file("h.csv", "a,b,c\n"));
    assertThat(p.dialect().header()).isTrue();
    assertThat(p.problems()).anyMatch(s -> s.contains("no data rows"));
  }

  @Test
  void duplicateAndEmptyNamesAreProblemsNamingTheColumns() throws IOException {
    ImportPreview p = preview(file("n.csv", "a,,a\nx,y,z\nu,v,w\n"));
    assertThat(p.problems())
        .anyMatch(s -> s.contains("Column 2 has an empty name"))
        .anyMatch(s -> s.contains("Columns 1 and 3") && s.contains("'a'"));
  }

  @Test
  void headerIsDetectedOnlyWhenTheFirstRowDoesNotFitTheTypes() throws IOException {
    assertThat(preview(file("h.csv", "x,y\n1,2.5\n3,4.5\n")).dialect().header()).isTrue();
    ImportPreview noHeader = preview(file("n.csv", "1,2.5\n3,4.5\n5,6.5\n"));
    assertThat(noHeader.dialect().header()).isFalse();
    assertThat(noHeader.columns())
        .extracting(ColumnSpec::name)
        .containsExactly("column_1", "column_2");
    assertThat(noHeader.rows()).hasSize(3);
  }

  @Test
  void raggedRowsInTheSampleAreNamedByLine() throws IOException {
    ImportPreview p = preview(file("r.csv", "a,b\n1,2\n3\n4,5,6\n"));
    assertThat(p.problems())
        .anyMatch(s -> s.startsWith("Line 3 has 1 fields"))
        .anyMatch(s -> s.startsWith("Line 4 has 3 fields"));
  }

  @Test
  void typesAreInferred() throws IOException {
    StringBuilder b = new StringBuilder("i,d,b,t,iso,us,eu,cat,txt,zip,nan,mixed,empty\n");
    for (int r = 0; r < 40; r++) {
      b.append(r - 20)
          .append(',')
          .append(r * 0.5)
          .append(',')
          .append(r % 2 == 0 ? "yes" : "no")
          .append(',')
          .append(String.format("2024-01-%02d 10:00:00", r % 28 + 1))
          .append(',')
          .append(String.format("2024-01-%02dT10:00:00Z", r % 28 + 1))
          .append(',')
          .append(String.format("%d/%d/2024", r % 12 + 1, 13 + r % 15))
          .append(',')
          .append(String.format("%d/%d/2024", 13 + r % 15, r % 12 + 1))
          .append(',')
          .append(r % 3 == 0 ? "red" : "blue")
          .append(',')
          .append("text number ")
          .append(r)
          .append(',')
          .append(String.format("0%d", 1000 + r))
          .append(',')
          .append(r % 5 == 0 ? "NaN" : r % 7 == 0 ? "-Inf" : Integer.toString(r))
          .append(',')
          .append(r % 2 == 0 ? Integer.toString(r) : "n" + r)
          .append(',')
          .append('\n');
    }
    ImportPreview p = preview(file("types.csv", b.toString()));
    assertThat(type(p, "i")).isEqualTo(ColumnType.INTEGER);
    assertThat(type(p, "d")).isEqualTo(ColumnType.DECIMAL);
    assertThat(type(p, "b")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(type(p, "t")).isEqualTo(ColumnType.TIMESTAMP);
    assertThat(type(p, "iso")).isEqualTo(ColumnType.TIMESTAMP);
    assertThat(type(p, "us")).isEqualTo(ColumnType.TIMESTAMP);
    assertThat(type(p, "cat")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(type(p, "txt")).isEqualTo(ColumnType.TEXT);
    assertThat(type(p, "zip")).isEqualTo(ColumnType.TEXT);
    assertThat(type(p, "nan")).isEqualTo(ColumnType.DECIMAL);
    assertThat(type(p, "mixed")).isEqualTo(ColumnType.TEXT);
    assertThat(type(p, "empty")).isEqualTo(ColumnType.TEXT);
    assertThat(p.columns().get(3).format()).isEqualTo("yyyy-MM-dd HH:mm:ss");
    assertThat(p.columns().get(3).role()).isEqualTo(ColumnRole.TIME);
    assertThat(p.columns().get(4).format()).isEqualTo("yyyy-MM-dd'T'HH:mm:ss");
    assertThat(p.columns().get(5).format()).isEqualTo("MM/dd/yyyy");
    assertThat(p.columns().get(6).format()).isEqualTo("dd/MM/yyyy");
    assertThat(p.notes()).anyMatch(n -> n.contains("'empty' is empty"));
  }

  @Test
  void ambiguousDayMonthOrderIsReadDayFirstWithANote() throws IOException {
    ImportPreview p = preview(file("dm.csv", "when\n01/02/2024\n03/04/2024\n05/06/2024\n"));
    assertThat(p.columns().get(0).format()).isEqualTo("dd/MM/yyyy");
    assertThat(p.notes()).anyMatch(n -> n.contains("ambiguous") && n.contains("MM/dd/yyyy"));
  }

  @Test
  void gzipFilesArePreviewedByTheirBytes() throws IOException {
    Path f = tmp.resolve("data.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("a;b\n1;x\n2;y\n".getBytes(StandardCharsets.UTF_8));
    }
    ImportPreview p = preview(f);
    assertThat(p.dialect().delimiter()).isEqualTo(';');
    assertThat(p.rows()).hasSize(2);
  }

  @Test
  void binaryAndUtf16FilesAreRefused() throws IOException {
    Path bin = Files.write(tmp.resolve("x.bin"), new byte[] {1, 2, 0, 4});
    assertThatThrownBy(() -> preview(bin)).hasMessageContaining("NUL byte");
    Path u16 = Files.write(tmp.resolve("u16.csv"), "a,b\n".getBytes(StandardCharsets.UTF_16));
    assertThatThrownBy(() -> preview(u16)).hasMessageContaining("UTF-16");
  }

  @Test
  void aFirstLineLongerThanTheSampleIsRefusedClearly() throws IOException {
    Path f = tmp.resolve("long.csv");
    try (OutputStream out = Files.newOutputStream(f)) {
      byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write('\n');
    }
    assertThatThrownBy(() -> preview(f))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("first line")
        .hasMessageContaining("longer than 4 MB");
  }

  @Test
  void aGivenDialectIsUsedAsIs() throws IOException {
    Path f = file("semi.csv", "1;2\n3;4\n");
    ImportPreview p =
        new CsvPreviewer()
            .preview(
                f,
                Optional.empty(),
                Optional.of(new CsvDialect(';', true, '"', TextEncoding.UTF_8)));
    assertThat(p.dialect().header()).isTrue();
    assertThat(p.columns()).extracting(ColumnSpec::name).containsExactly("1", "2");
  }
}
