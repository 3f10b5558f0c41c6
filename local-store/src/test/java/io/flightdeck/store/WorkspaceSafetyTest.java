package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.workspace.WorkspaceLockedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace that cannot be opened safely is refused, and not a byte of it is changed. */
class WorkspaceSafetyTest {
  @TempDir Path dir;
  private final TestClock clock = new TestClock();

  @BeforeEach
  void createWorkspace() {
    open().close();
    clock.advance(Duration.ofDays(3)); // a daily backup would be due
  }

  private LocalWorkspace open() {
    return LocalWorkspace.open(dir, clock, () -> "ana");
  }

  private FlightdeckException refusal() {
    FlightdeckException e = catchThrowableOfType(FlightdeckException.class, this::open);
    assertThat(e)
        .as("open must be refused")
        .isNotNull()
        .isNotInstanceOf(WorkspaceLockedException.class);
    return e;
  }

  private List<Path> backups() throws IOException {
    return WorkspaceMigrator.listBackups(dir.resolve("backups"));
  }

  @Test
  void corruptDatabaseIsRefusedAndLeftAsItWas() throws Exception {
    byte[] garbage = new byte[(int) Files.size(Db.file(dir))];
    new Random(42).nextBytes(garbage);
    Files.write(Db.file(dir), garbage);

    FlightdeckException e = refusal();

    assertThat(e.getMessage())
        .contains(Db.file(dir).toAbsolutePath().toString())
        .contains("cannot be read")
        .contains("corrupt");
    assertThat(e.hint()).contains("Nothing was changed").contains("backups");
    assertThat(Db.bytes(dir)).isEqualTo(garbage);
    assertThat(backups()).isEmpty();
  }

  @Test
  void fileThatIsNotADatabaseIsRefusedAndLeftAsItWas() throws Exception {
    byte[] text = "name,score\nana,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(Db.file(dir), text);
    refusal();
    assertThat(Db.bytes(dir)).isEqualTo(text);
  }

  @Test
  void refusalReleasesTheLockSoTheUserCanRetry() throws Exception {
    byte[] good = Db.bytes(dir);
    Files.write(Db.file(dir), new byte[good.length]);
    refusal();
    // Still refused for the same reason, not because the failed open kept the lock.
    refusal();
    Files.write(Db.file(dir), good);
    try (LocalWorkspace ws = open()) {
      assertThat(ws.audit().verify().valid()).isTrue();
    }
  }

  @Test
  void flywayHistoryColumnsAreWhatTheNewerSchemaTestWrites() throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = Db.connect(dir);
        ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "flyway_schema_history", null)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    assertThat(columns)
        .containsExactly(
            "installed_rank",
            "version",
            "description",
            "type",
            "script",
            "checksum",
            "installed_by",
            "installed_on",
            "execution_time",
            "success");
  }

  @Test
  void newerSchemaIsRefusedAndLeftAsItWas() throws Exception {
    Db.execute(
        dir,
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (99, '999', 'from the future', 'SQL',"
            + " 'V999__from_the_future.sql', 12345, 'SA', 1, TRUE)");
    byte[] before = Db.bytes(dir);
    List<Path> filesBefore = listTree();

    FlightdeckException e = refusal();

    assertThat(e.getMessage())
        .contains("newer Flightdeck")
        .contains("schema version 999")
        .contains("knows up to 5")
        .contains(dir.toAbsolutePath().toString());
    assertThat(e.hint()).contains("Nothing was changed");
    assertThat(Db.bytes(dir)).as("database file bytes").isEqualTo(before);
    assertThat(backups()).isEmpty();
    assertThat(listTree()).isEqualTo(filesBefore);
  }

  @Test
  void schemaHistoryIsUntouchedAfterRefusingANewerSchema() throws Exception {
    Db.execute(
        dir,
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (6, '6', 'next', 'SQL', 'V6__next.sql', 1, 'SA', 1, TRUE)");
    assertThat(refusal().getMessage()).contains("schema version 6");
    try (Connection c = Db.connect(dir);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), MAX(\"installed_rank\") FROM \"flyway_schema_history\"")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(7); // table-created marker, V1..V5, the future V6
      assertThat(rs.getInt(2)).isEqualTo(6);
    }
  }

  private List<Path> listTree() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".trace.db")).sorted().toList();
    }
  }
}
