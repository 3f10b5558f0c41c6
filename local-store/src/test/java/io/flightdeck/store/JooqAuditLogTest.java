package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.audit.AuditChain;
import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.audit.ChainVerification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail through its real entry point, a workspace on an H2 file. */
class JooqAuditLogTest {
  @TempDir Path dir;
  private final TestClock clock = new TestClock();
  private LocalWorkspace ws;
  private AuditLog audit;

  @BeforeEach
  void open() {
    ws = LocalWorkspace.open(dir, clock, () -> "ana");
    audit = ws.audit();
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private static AuditEvent event(String action, String type, String id) {
    return new AuditEvent(action, type, id, "{}");
  }

  @Test
  void appendChainsToTheNewestEntry() {
    AuditEntry first = audit.list(AuditQuery.all()).get(0);
    clock.advance(Duration.ofSeconds(5));
    AuditEntry e =
        audit.append(AuditEvent.of("model.alias.moved", "model", "m1", Map.of("alias", "prod")));
    assertThat(e.seq()).isEqualTo(2);
    assertThat(e.prevHash()).isEqualTo(first.hash());
    assertThat(e.hash()).isEqualTo(AuditChain.expectedHash(e));
    assertThat(e.timestamp()).isEqualTo(TestClock.T0.plusSeconds(5));
    assertThat(e.actor()).isEqualTo("ana");
    assertThat(e.detailsJson()).isEqualTo("{\"alias\":\"prod\"}");
    assertThat(audit.list(AuditQuery.all()).get(0)).isEqualTo(e);
  }

  @Test
  void manyAppendsVerify() {
    for (int i = 0; i < 300; i++) {
      clock.advance(Duration.ofMillis(7));
      audit.append(event("run.metric", "run", "r" + i));
    }
    ChainVerification v = audit.verify();
    assertThat(v.valid()).as(v.summary()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(301);
    assertThat(audit.count()).isEqualTo(301);
  }

  @Test
  @Timeout(120)
  void concurrentAppendsStayOneLinearChain() throws Exception {
    int threads = 8;
    int perThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<AuditEntry>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String id = "t" + t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<AuditEntry> mine = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    mine.add(audit.append(event("job.progress", "job", id)));
                  }
                  return mine;
                }));
      }
      start.countDown();
      List<Long> seqs = new ArrayList<>();
      for (Future<List<AuditEntry>> f : futures) {
        f.get(100, TimeUnit.SECONDS).forEach(e -> seqs.add(e.seq()));
      }
      long total = 1 + (long) threads * perThread;
      assertThat(seqs).doesNotHaveDuplicates().hasSize(threads * perThread);
      assertThat(audit.count()).isEqualTo(total);
      ChainVerification v = audit.verify();
      assertThat(v.valid()).as(v.summary()).isTrue();
      assertThat(v.entriesChecked()).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void listIsNewestFirstAndHonoursTheLimit() {
    for (int i = 1; i <= 5; i++) {
      audit.append(event("a" + i, "t", "i"));
    }
    List<AuditEntry> page =
        audit.list(new AuditQuery("", "", Optional.empty(), Optional.empty(), 3));
    assertThat(page).extracting(AuditEntry::seq).containsExactly(6L, 5L, 4L);
  }

  @Test
  void listFiltersByActionCaseInsensitively() {
    audit.append(event("model.alias.moved", "model", "m1"));
    audit.append(event("run.started", "run", "r1"));
    assertThat(audit.list(query("ALIAS", "")))
        .extracting(AuditEntry::action)
        .containsExactly("model.alias.moved");
  }

  @Test
  void objectTextMatchesTypeOrId() {
    audit.append(event("x", "model", "churn-v1"));
    audit.append(event("y", "run", "r-42"));
    audit.append(event("z", "dataset", "Model-Card"));
    assertThat(audit.list(query("", "model")))
        .extracting(AuditEntry::action)
        .containsExactly("z", "x");
    assertThat(audit.list(query("", "r-4"))).extracting(AuditEntry::action).containsExactly("y");
  }

  @Test
  void textWildcardsAreLiteral() {
    audit.append(event("a_b", "t", "100%"));
    audit.append(event("axb", "t", "1000"));
    assertThat(audit.list(query("a_b", ""))).extracting(AuditEntry::action).containsExactly("a_b");
    assertThat(audit.list(query("", "0%")))
        .extracting(AuditEntry::objectId)
        .containsExactly("100%");
  }

  @Test
  void timeWindowIsFromInclusiveToExclusive() {
    Instant t1 = clock.instant().plusSeconds(10);
    clock.advance(Duration.ofSeconds(10));
    audit.append(event("at-t1", "t", "i"));
    clock.advance(Duration.ofSeconds(10));
    audit.append(event("at-t2", "t", "i"));
    Instant t2 = clock.instant();
    AuditQuery q = new AuditQuery("", "", Optional.of(t1), Optional.of(t2), 100);
    assertThat(audit.list(q)).extracting(AuditEntry::action).containsExactly("at-t1");
    AuditQuery open = new AuditQuery("", "", Optional.of(t2), Optional.empty(), 100);
    assertThat(audit.list(open)).extracting(AuditEntry::action).containsExactly("at-t2");
  }

  @Test
  void entriesSurviveAReopenAndStillVerify() {
    for (int i = 0; i < 20; i++) {
      audit.append(event("e" + i, "t", "i"));
    }
    List<AuditEntry> before = audit.list(AuditQuery.all());
    ws.close();
    ws = LocalWorkspace.open(dir, clock, () -> "ana");
    audit = ws.audit();
    assertThat(audit.list(AuditQuery.all())).isEqualTo(before);
    assertThat(audit.verify().valid()).isTrue();
    AuditEntry next = audit.append(event("after", "t", "i"));
    assertThat(next.seq()).isEqualTo(22);
    assertThat(next.prevHash()).isEqualTo(before.get(0).hash());
    assertThat(audit.verify().valid()).isTrue();
  }

  private static AuditQuery query(String action, String object) {
    return new AuditQuery(action, object, Optional.empty(), Optional.empty(), 100);
  }
}
