package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceBackupTest {
  @TempDir Path tmp;
  private Path dir;
  private final TestClock clock = new TestClock();

  @BeforeEach
  void folders() {
    dir = tmp.resolve("ws");
  }

  /** Opens and closes the workspace; returns the backup it reports. */
  private Optional<Path> reopen() {
    try (LocalWorkspace ws = LocalWorkspace.open(dir, clock, () -> "ana")) {
      return ws.summary().lastBackup();
    }
  }

  private List<Path> backups() throws IOException {
    return WorkspaceMigrator.listBackups(dir.resolve("backups"));
  }

  private static String nameAt(Instant t) {
    return "flightdeck-"
        + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(java.time.ZoneOffset.UTC)
            .format(t)
        + ".zip";
  }

  @Test
  void newWorkspaceHasNothingToBackUp() throws Exception {
    assertThat(reopen()).isEmpty();
    assertThat(backups()).isEmpty();
  }

  @Test
  void firstReopenBacksUpThenAtMostOnceADay() throws Exception {
    reopen();
    clock.advance(Duration.ofMinutes(1));
    Optional<Path> first = reopen();
    assertThat(first).isPresent();
    assertThat(first.get().getFileName()).hasToString(nameAt(clock.instant()));
    assertThat(backups()).containsExactly(first.get());

    clock.advance(Duration.ofHours(23));
    assertThat(reopen()).isEqualTo(first);
    assertThat(backups()).hasSize(1);

    clock.advance(Duration.ofHours(2));
    Optional<Path> second = reopen();
    assertThat(second).isPresent().isNotEqualTo(first);
    assertThat(backups()).containsExactly(first.get(), second.get());
  }

  @Test
  void rotationKeepsTheNewestFive() throws Exception {
    reopen();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clock.advance(Duration.ofDays(1).plusHours(1));
      reopen();
      expected.add(nameAt(clock.instant()));
    }
    assertThat(backups())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(expected.subList(3, 8));
    assertThat(WorkspaceMigrator.KEEP_BACKUPS).isEqualTo(5);
  }

  @Test
  void rotationLeavesOtherFilesInTheBackupFolderAlone() throws Exception {
    reopen();
    Path mine =
        Files.writeString(
            Files.createDirectories(dir.resolve("backups"))
                .resolve("flightdeck-before-upgrade.zip"),
            "mine");
    for (int i = 0; i < 7; i++) {
      clock.advance(Duration.ofDays(2));
      reopen();
    }
    assertThat(backups()).hasSize(5).doesNotContain(mine);
    assertThat(mine).hasContent("mine");
  }

  @Test
  void pendingMigrationForcesABackupEvenWhenOneIsFresh() throws Exception {
    reopen();
    clock.advance(Duration.ofMinutes(1));
    Path daily = reopen().orElseThrow();

    // Back to a database from before the first migration.
    Db.execute(dir, "DROP ALL OBJECTS");
    clock.advance(Duration.ofMinutes(1));
    Optional<Path> beforeMigration = reopen();

    assertThat(beforeMigration).isPresent().isNotEqualTo(Optional.of(daily));
    assertThat(backups()).containsExactly(daily, beforeMigration.get());
  }

  @Test
  void backupIsAConsistentCopyThatCanBeRestored() throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.open(dir, clock, () -> "ana")) {
      for (int i = 0; i < 10; i++) {
        ws.audit().append(AuditEvent.of("model.registered", "model", "m" + i, Map.of("i", i)));
      }
    }
    clock.advance(Duration.ofMinutes(1));
    Path backup = reopen().orElseThrow();
    List<AuditEntry> original;
    try (LocalWorkspace ws = LocalWorkspace.open(dir, clock, () -> "ana")) {
      original = ws.audit().list(AuditQuery.all());
    }

    Path restored = tmp.resolve("restored");
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      ZipEntry entry = zip.getEntry(LocalWorkspace.DB_NAME + ".mv.db");
      assertThat(entry).as("entries of %s", backup).isNotNull();
      Files.createDirectories(restored.resolve("db"));
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, Db.file(restored));
      }
    }
    try (LocalWorkspace ws = LocalWorkspace.open(restored, clock, () -> "ana")) {
      assertThat(ws.summary().created()).isFalse();
      assertThat(ws.audit().list(AuditQuery.all())).isEqualTo(original);
      assertThat(ws.audit().verify().valid()).isTrue();
    }
  }

  @Test
  void backupTimeComesFromTheName() {
    Instant t = Instant.parse("2031-12-24T23:59:58.123Z");
    assertThat(WorkspaceMigrator.takenAt(Path.of(nameAt(t)))).isEqualTo(t);
  }
}
