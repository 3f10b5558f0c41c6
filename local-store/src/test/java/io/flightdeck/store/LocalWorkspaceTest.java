package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.workspace.WorkspaceSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWorkspaceTest {
  private static final String NEWEST =
      WorkspaceMigrator.knownVersions().stream()
          .max(java.util.Comparator.comparing(java.math.BigDecimal::new))
          .orElseThrow();

  @TempDir Path tmp;
  private final TestClock clock = new TestClock();

  private LocalWorkspace open(Path dir) {
    return LocalWorkspace.open(dir, clock, () -> "ana");
  }

  @Test
  void openCreatesTheWorkspaceAndRecordsIt() {
    Path dir = tmp.resolve("new/ws");
    try (LocalWorkspace ws = open(dir)) {
      assertThat(ws.dir()).isEqualTo(dir.toAbsolutePath().normalize());
      assertThat(Db.file(dir)).isRegularFile();
      assertThat(dir.resolve("store/objects")).isDirectory();
      assertThat(dir.resolve(WorkspaceLock.FILE_NAME)).isRegularFile();

      List<AuditEntry> entries = ws.audit().list(AuditQuery.all());
      assertThat(entries).hasSize(1);
      AuditEntry created = entries.get(0);
      assertThat(created.seq()).isOne();
      assertThat(created.action()).isEqualTo("workspace.created");
      assertThat(created.objectType()).isEqualTo("workspace");
      assertThat(created.objectId()).isEqualTo(ws.dir().toString());
      assertThat(created.actor()).isEqualTo("ana");
      assertThat(created.timestamp()).isEqualTo(TestClock.T0);
      assertThat(Json.readObject(created.detailsJson())).isEqualTo(Map.of("schema", NEWEST));
      assertThat(ws.audit().verify().valid()).isTrue();

      WorkspaceSummary s = ws.summary();
      assertThat(s.created()).isTrue();
      assertThat(s.schemaVersion()).isEqualTo(NEWEST);
      assertThat(s.auditEntries()).isOne();
      assertThat(s.lastBackup()).isEmpty();
      assertThat(s.databaseFile()).isEqualTo(Db.file(ws.dir()));
      assertThat(s.dir()).isEqualTo(ws.dir());
    }
  }

  @Test
  void reopenKeepsEverythingAndRecordsNothingNew() throws Exception {
    Path dir = tmp.resolve("ws");
    String hash;
    try (LocalWorkspace ws = open(dir)) {
      ws.audit().append(AuditEvent.of("model.registered", "model", "m1", Map.of()));
      hash =
          ws.artifacts().put(new ByteArrayInputStream("weights".getBytes(StandardCharsets.UTF_8)));
    }
    clock.advance(Duration.ofHours(1));
    try (LocalWorkspace ws = open(dir)) {
      assertThat(ws.audit().count()).isEqualTo(2);
      assertThat(ws.audit().list(AuditQuery.all()))
          .extracting(AuditEntry::action)
          .containsExactly("model.registered", "workspace.created");
      assertThat(ws.audit().verify().valid()).isTrue();
      assertThat(ws.summary().created()).isFalse();
      assertThat(ws.summary().schemaVersion()).isEqualTo(NEWEST);
      try (var in = ws.artifacts().openVerified(hash)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("weights");
      }
    }
  }

  @Test
  void closeIsIdempotentAndReleasesTheWorkspace() {
    Path dir = tmp.resolve("ws");
    LocalWorkspace ws = open(dir);
    ws.close();
    ws.close();
    try (LocalWorkspace again = open(dir)) {
      assertThat(again.audit().count()).isOne();
    }
  }

  @Test
  void relativeAndUnnormalisedPathsAreResolved() {
    Path dir = tmp.resolve("a/../ws");
    try (LocalWorkspace ws = open(dir)) {
      assertThat(ws.dir()).isEqualTo(tmp.resolve("ws").toAbsolutePath());
    }
  }

  @Test
  void folderThatCannotBeCreatedIsReportedByName() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertThatThrownBy(() -> open(file.resolve("ws")))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("Cannot create the workspace folder")
        .hasMessageContaining(file.resolve("ws").toString());
  }

  @Test
  void existingDatabaseWithPendingMigrationsIsBackedUpThenMigrated() throws Exception {
    Path dir = tmp.resolve("old");
    // A workspace database from before the first migration: it exists but has no schema yet.
    Files.createDirectories(dir.resolve("db"));
    Db.execute(dir, "SELECT 1");
    assertThat(Db.file(dir)).isRegularFile();

    try (LocalWorkspace ws = open(dir)) {
      List<AuditEntry> entries = ws.audit().list(AuditQuery.all());
      assertThat(entries)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.action()).isEqualTo("workspace.migrated");
                assertThat(Json.readObject(e.detailsJson()))
                    .isEqualTo(Map.of("from", "0", "to", NEWEST));
              });
      WorkspaceSummary s = ws.summary();
      assertThat(s.created()).isFalse();
      assertThat(s.schemaVersion()).isEqualTo(NEWEST);
      assertThat(s.lastBackup()).isPresent();
      assertThat(s.lastBackup().get()).isRegularFile().hasParent(ws.dir().resolve("backups"));
    }
  }
}
