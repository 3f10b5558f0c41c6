package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.audit.AuditChain;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.ChainVerification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone edits the database file with SQL while Flightdeck is closed; the next verify must name
 * the first entry that was touched.
 */
class AuditTamperingTest {
  private static final int ENTRIES = 6; // workspace.created + 5

  @TempDir Path dir;
  private final TestClock clock = new TestClock();

  @BeforeEach
  void writeTrail() {
    try (LocalWorkspace ws = open()) {
      for (int i = 2; i <= ENTRIES; i++) {
        ws.audit().append(AuditEvent.of("model.registered", "model", "m" + i, Map.of("n", i)));
      }
      assertThat(ws.audit().verify().valid()).isTrue();
    }
  }

  private LocalWorkspace open() {
    return LocalWorkspace.open(dir, clock, () -> "ana");
  }

  private ChainVerification verifyAfterReopen() {
    try (LocalWorkspace ws = open()) {
      return ws.audit().verify();
    }
  }

  @Test
  void editedDetailsAreNamed() throws Exception {
    assertThat(Db.execute(dir, "UPDATE AUDIT_ENTRY SET DETAILS='{\"n\":999}' WHERE SEQ=3")).isOne();
    ChainVerification v = verifyAfterReopen();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSeq()).hasValue(3);
    assertThat(v.entriesChecked()).isEqualTo(2);
    assertThat(v.summary()).contains("entry 3").contains("changed");
  }

  @Test
  void editedActorOrTimestampIsNamed() throws Exception {
    Db.execute(dir, "UPDATE AUDIT_ENTRY SET ACTOR='mallory' WHERE SEQ=5");
    assertThat(verifyAfterReopen().firstBrokenSeq()).hasValue(5);
    Db.execute(dir, "UPDATE AUDIT_ENTRY SET TS_MS=TS_MS+1 WHERE SEQ=2");
    assertThat(verifyAfterReopen().firstBrokenSeq()).hasValue(2);
  }

  @Test
  void editWithARecomputedHashIsCaughtByTheNextLink() throws Exception {
    try (Connection c = Db.connect(dir)) {
      String prev;
      long ts;
      String actor;
      try (PreparedStatement s =
              c.prepareStatement("SELECT PREV_HASH, TS_MS, ACTOR FROM AUDIT_ENTRY WHERE SEQ=3");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        prev = rs.getString(1);
        ts = rs.getLong(2);
        actor = rs.getString(3);
      }
      String forged =
          AuditChain.hash(prev, 3, ts, actor, "model.deleted", "model", "m3", "{\"n\":3}");
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE AUDIT_ENTRY SET ACTION='model.deleted', ENTRY_HASH=? WHERE SEQ=3")) {
        s.setString(1, forged);
        assertThat(s.executeUpdate()).isOne();
      }
    }
    ChainVerification v = verifyAfterReopen();
    assertThat(v.firstBrokenSeq()).hasValue(4);
    assertThat(v.problem()).isEqualTo("entry 4 does not link to entry 3");
  }

  @Test
  void deletedMiddleRowIsNamed() throws Exception {
    assertThat(Db.execute(dir, "DELETE FROM AUDIT_ENTRY WHERE SEQ=3")).isOne();
    ChainVerification v = verifyAfterReopen();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSeq()).hasValue(3);
    assertThat(v.problem()).contains("entry 3 is missing");
  }

  @Test
  void deletedLastRowIsDetected() throws Exception {
    assertThat(Db.execute(dir, "DELETE FROM AUDIT_ENTRY WHERE SEQ=" + ENTRIES)).isOne();
    ChainVerification v = verifyAfterReopen();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSeq()).hasValue(ENTRIES);
    assertThat(v.entriesChecked()).isEqualTo(ENTRIES - 1);
    assertThat(v.problem()).contains("should end at entry " + ENTRIES);
  }

  @Test
  void deletedLastRowWithHeadRewoundIsDetected() throws Exception {
    // Rewinding the head's number without its hash is still caught. (A forger who also copies
    // entry 5's hash into the head cannot be caught without an anchor outside the file.)
    Db.execute(
        dir,
        "DELETE FROM AUDIT_ENTRY WHERE SEQ=" + ENTRIES,
        "UPDATE AUDIT_HEAD SET LAST_SEQ=" + (ENTRIES - 1));
    ChainVerification v = verifyAfterReopen();
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSeq()).hasValue(ENTRIES - 1);
    assertThat(v.problem()).contains("recorded head");
  }

  @Test
  void deletedHeadIsDetected() throws Exception {
    Db.execute(dir, "DELETE FROM AUDIT_HEAD");
    ChainVerification v = verifyAfterReopen();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).isEqualTo("the recorded head of the trail is missing");
  }

  @Test
  void untouchedTrailStaysValidAfterAPlainJdbcRead() throws Exception {
    Db.execute(dir, "SELECT COUNT(*) FROM AUDIT_ENTRY");
    ChainVerification v = verifyAfterReopen();
    assertThat(v.valid()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(ENTRIES);
  }
}
