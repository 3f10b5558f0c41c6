package io.flightdeck.core.dataset.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every type, nulls, many row groups, line numbers and damage detection. */
class ColumnarRoundTripTest {
  @TempDir Path tmp;

  private static final List<ColumnSpec> SCHEMA =
      List.of(
          ColumnSpec.of("i", ColumnType.INTEGER),
          ColumnSpec.of("d", ColumnType.DECIMAL),
          ColumnSpec.of("b", ColumnType.BOOLEAN),
          ColumnSpec.of("t", ColumnType.TIMESTAMP).withType(ColumnType.TIMESTAMP, "yyyy-MM-dd"),
          ColumnSpec.of("c", ColumnType.CATEGORICAL),
          ColumnSpec.of("x", ColumnType.TEXT));

  private Path write(int rows, int groupRows, long budget) throws IOException {
    Path f = tmp.resolve("d.fdcol");
    try (ColumnarWriter w = new ColumnarWriter(f, SCHEMA, groupRows, budget)) {
      for (int r = 0; r < rows; r++) {
        if (r % 7 == 3) {
          for (int c = 0; c < SCHEMA.size(); c++) {
            w.addNull(c);
          }
        } else {
          w.addLong(0, r * 1000L - 5);
          w.addDouble(1, r % 11 == 0 ? Double.NaN : r / 4.0);
          w.addBoolean(2, r % 2 == 0);
          w.addLong(3, 86_400_000L * r);
          w.addString(4, "cat" + (r % (r < 500 ? 3 : 300)));
          w.addString(5, "text ✓ " + r);
        }
        w.endRow(r < 1000 ? r + 2 : r + 10);
      }
      w.finish();
    }
    return f;
  }

  @Test
  void valuesComeBackExactlyAcrossGroups() throws IOException {
    Path f = write(2_500, 256, Long.MAX_VALUE);
    try (ColumnarReader r = ColumnarReader.open(f)) {
      assertThat(r.rows()).isEqualTo(2_500);
      assertThat(r.groups()).isEqualTo(10);
      assertThat(r.columns())
          .extracting(ColumnSpec::name)
          .containsExactly("i", "d", "b", "t", "c", "x");
      assertThat(r.columns().get(3).format()).isEqualTo("yyyy-MM-dd");
      int row = 0;
      for (int g = 0; g < r.groups(); g++) {
        long[] lines = r.lines(g);
        ColumnChunk[] cs = new ColumnChunk[6];
        for (int c = 0; c < 6; c++) {
          cs[c] = r.chunk(g, c);
        }
        for (int i = 0; i < r.groupRows(g); i++, row++) {
          assertThat(lines[i]).isEqualTo(row < 1000 ? row + 2 : row + 10);
          if (row % 7 == 3) {
            for (ColumnChunk c : cs) {
              assertThat(c.isNull(i)).isTrue();
            }
            continue;
          }
          assertThat(cs[0].longAt(i)).isEqualTo(row * 1000L - 5);
          if (row % 11 == 0) {
            assertThat(cs[1].doubleAt(i)).isNaN();
          } else {
            assertThat(cs[1].doubleAt(i)).isEqualTo(row / 4.0);
          }
          assertThat(cs[2].booleanAt(i)).isEqualTo(row % 2 == 0);
          assertThat(cs[3].longAt(i)).isEqualTo(86_400_000L * row);
          assertThat(cs[4].stringAt(i)).isEqualTo("cat" + (row % (row < 500 ? 3 : 300)));
          assertThat(cs[5].stringAt(i)).isEqualTo("text ✓ " + row);
        }
      }
    }
  }

  @Test
  void theMemoryBudgetCutsGroupsEarly() throws IOException {
    Path f = write(5_000, 65_536, 64 * 1024);
    try (ColumnarReader r = ColumnarReader.open(f)) {
      assertThat(r.groups()).isGreaterThan(5);
      assertThat(r.rows()).isEqualTo(5_000);
    }
  }

  @Test
  void aFlippedByteIsCaughtByTheChunkChecksum() throws IOException {
    Path f = write(300, 100, Long.MAX_VALUE);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, 40);
      b.put(0, (byte) (b.get(0) ^ 0x55)).rewind();
      ch.write(b, 40);
    }
    try (ColumnarReader r = ColumnarReader.open(f)) {
      assertThatThrownBy(() -> r.chunk(0, 0))
          .isInstanceOf(FlightdeckException.class)
          .hasMessageContaining("is damaged")
          .hasMessageContaining("column 'i'");
    }
  }

  @Test
  void aTruncatedFileIsRefused() throws IOException {
    Path f = write(300, 100, Long.MAX_VALUE);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 20));
    assertThatThrownBy(() -> ColumnarReader.open(f))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("not a complete Flightdeck data file");
  }
}
