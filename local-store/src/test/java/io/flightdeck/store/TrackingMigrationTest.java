package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.RunBatch;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.TrackingService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace from before tracking (schema 2) is backed up and migrated, its data kept. */
class TrackingMigrationTest {
  @TempDir Path dir;

  @Test
  void schemaTwoWorkspaceGetsTheTrackingTables() throws Exception {
    Files.createDirectories(dir.resolve("db"));
    Flyway.configure()
        .dataSource(LocalWorkspace.jdbcUrl(dir.resolve("db")), "sa", "")
        .locations("classpath:db/migration")
        .target("2")
        .load()
        .migrate();
    Db.execute(
        dir,
        "INSERT INTO DATASET (NAME, CREATED_MS, CREATED_BY, LAST_VERSION) VALUES ('iris', 1, 'bo', 0)");

    TestClock clock = new TestClock();
    try (LocalWorkspace ws = LocalWorkspace.open(dir, clock, () -> "ana")) {
      AuditEntry migrated = ws.audit().list(AuditQuery.all()).get(0);
      assertThat(migrated.action()).isEqualTo("workspace.migrated");
      assertThat(Json.readObject(migrated.detailsJson())).isEqualTo(Map.of("from", "2", "to", "5"));
      assertThat(ws.summary().lastBackup()).isPresent();

      TrackingService t = ws.tracking();
      RunInfo run = t.startRun(t.defaultExperiment().id(), "after", "local", "s", null);
      t.logBatch(RunBatch.metrics(run.runId(), List.of(new Metric("loss", 0.5, 1, 1))));
      assertThat(t.repository().runRows(null)).hasSize(1);
    }
    try (Connection c = Db.connect(dir);
        ResultSet rs = c.createStatement().executeQuery("SELECT CREATED_BY FROM DATASET")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("bo");
    }
  }
}
