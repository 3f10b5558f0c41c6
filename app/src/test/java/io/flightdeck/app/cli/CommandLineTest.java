package io.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.json.Json;
import io.flightdeck.store.LocalWorkspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands, in process, against real workspaces. */
class CommandLineTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        FlightdeckCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private void sql(Path ws, String statement) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + ws.resolve("db/flightdeck"), "sa", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private void addEntries(Path ws, int n) {
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "tester")) {
      for (int i = 0; i < n; i++) {
        w.audit()
            .append(
                io.flightdeck.core.audit.AuditEvent.of(
                    "test.step", "thing", "t" + i, java.util.Map.of("i", i)));
      }
    }
  }

  @Test
  void versionAnswersWithoutAWorkspace() {
    Result r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Flightdeck ");
  }

  @Test
  void workspaceInfoCreatesTheWorkspace() {
    Path ws = tmp.resolve("new");
    Result r = run("--workspace", ws.toString(), "workspace", "info", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Json.readObject(r.out().strip()))
        .containsEntry("created", true)
        .containsEntry("auditEntries", 1);
    assertThat(Files.exists(ws.resolve("db/flightdeck.mv.db"))).isTrue();
  }

  @Test
  void auditListAsJson() {
    Path ws = tmp.resolve("ws");
    addEntries(ws, 3);
    Result r = run("--workspace", ws.toString(), "audit", "list", "--json");
    assertThat(r.code()).isZero();
    List<?> entries = Json.mapper().convertValue(readArray(r.out()), List.class);
    assertThat(entries).hasSize(4);
  }

  private static Object readArray(String json) {
    try {
      return Json.mapper().readValue(json, List.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void verifyPassesOnAnIntactTrail() {
    Path ws = tmp.resolve("ws");
    addEntries(ws, 5);
    Result r = run("--workspace", ws.toString(), "audit", "verify");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("intact: 6 entries");
  }

  @Test
  void verifyNamesAnEditedEntry() throws Exception {
    Path ws = tmp.resolve("ws");
    addEntries(ws, 5);
    sql(ws, "UPDATE AUDIT_ENTRY SET ACTOR = 'mallory' WHERE SEQ = 4");
    Result r = run("--workspace", ws.toString(), "audit", "verify");
    assertThat(r.code()).isEqualTo(AuditCommand.EXIT_BROKEN);
    assertThat(r.err()).contains("BROKEN at entry 4").contains("changed after it was recorded");
  }

  @Test
  void verifyNamesADeletedEntry() throws Exception {
    Path ws = tmp.resolve("ws");
    addEntries(ws, 5);
    sql(ws, "DELETE FROM AUDIT_ENTRY WHERE SEQ = 2");
    Result r = run("--workspace", ws.toString(), "audit", "verify");
    assertThat(r.code()).isEqualTo(AuditCommand.EXIT_BROKEN);
    assertThat(r.err()).contains("entry 2 is missing");
  }

  @Test
  void aWorkspaceOpenElsewhereIsAOneLineFailure() {
    Path ws = tmp.resolve("ws");
    try (LocalWorkspace held = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "other")) {
      Result r = run("--workspace", ws.toString(), "audit", "list");
      assertThat(r.code()).isEqualTo(FlightdeckCommand.EXIT_FAILURE);
      assertThat(r.err().strip().lines()).hasSize(1);
      assertThat(r.err()).startsWith("flightdeck: ").contains("already open").contains("process ");
    }
  }

  @Test
  void aCorruptDatabaseIsAOneLineFailureAndNothingChanges() throws Exception {
    Path ws = tmp.resolve("ws");
    addEntries(ws, 1);
    Path db = ws.resolve("db/flightdeck.mv.db");
    byte[] garbage = new byte[8192];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(db, garbage);
    Result r = run("--workspace", ws.toString(), "audit", "verify");
    assertThat(r.code()).isEqualTo(FlightdeckCommand.EXIT_FAILURE);
    assertThat(r.err()).contains("cannot be read").contains("backups");
    assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Result r = run("--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option");
  }
}
