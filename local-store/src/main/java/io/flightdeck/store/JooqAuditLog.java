package io.flightdeck.store;

import static io.flightdeck.store.jooq.Tables.AUDIT_ENTRY;
import static io.flightdeck.store.jooq.Tables.AUDIT_HEAD;

import io.flightdeck.core.audit.AuditChain;
import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditHead;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.audit.ChainVerification;
import io.flightdeck.store.jooq.tables.records.AuditEntryRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The audit trail in the workspace's H2 database. Appends are serialised in this process (the
 * workspace lock keeps other processes out) and each runs in one transaction that writes the entry
 * and moves the head. Thread-safe.
 */
public final class JooqAuditLog implements AuditLog {
  private static final int HEAD_ID = 1;
  private final DSLContext db;
  private final Clock clock;
  private final Supplier<String> actor;
  private final Object appendLock = new Object();

  /**
   * @param db the workspace database
   * @param clock the source of timestamps
   * @param actor who is acting (the operating-system user)
   */
  public JooqAuditLog(DSLContext db, Clock clock, Supplier<String> actor) {
    this.db = db;
    this.clock = clock;
    this.actor = actor;
  }

  @Override
  public AuditEntry append(AuditEvent event) {
    synchronized (appendLock) {
      return db.transactionResult(
          cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<AuditHead> head = readHead(tx);
            long seq = head.map(AuditHead::lastSeq).orElse(0L) + 1;
            String prev = head.map(AuditHead::lastHash).orElse(AuditChain.GENESIS);
            long ts = clock.millis();
            String who = actor.get();
            String hash =
                AuditChain.hash(
                    prev,
                    seq,
                    ts,
                    who,
                    event.action(),
                    event.objectType(),
                    event.objectId(),
                    event.detailsJson());
            tx.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, seq)
                .set(AUDIT_ENTRY.TS_MS, ts)
                .set(AUDIT_ENTRY.ACTOR, who)
                .set(AUDIT_ENTRY.ACTION, event.action())
                .set(AUDIT_ENTRY.OBJECT_TYPE, event.objectType())
                .set(AUDIT_ENTRY.OBJECT_ID, event.objectId())
                .set(AUDIT_ENTRY.DETAILS, event.detailsJson())
                .set(AUDIT_ENTRY.PREV_HASH, prev)
                .set(AUDIT_ENTRY.ENTRY_HASH, hash)
                .execute();
            tx.mergeInto(AUDIT_HEAD)
                .using(DSL.selectOne())
                .on(AUDIT_HEAD.ID.eq(HEAD_ID))
                .whenMatchedThenUpdate()
                .set(AUDIT_HEAD.LAST_SEQ, seq)
                .set(AUDIT_HEAD.LAST_HASH, hash)
                .whenNotMatchedThenInsert(AUDIT_HEAD.ID, AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .values(HEAD_ID, seq, hash)
                .execute();
            return new AuditEntry(
                seq,
                ts,
                who,
                event.action(),
                event.objectType(),
                event.objectId(),
                event.detailsJson(),
                prev,
                hash);
          });
    }
  }

  @Override
  public List<AuditEntry> list(AuditQuery q) {
    List<Condition> where = new ArrayList<>();
    if (!q.actionText().isEmpty()) {
      where.add(AUDIT_ENTRY.ACTION.containsIgnoreCase(q.actionText()));
    }
    if (!q.objectText().isEmpty()) {
      where.add(
          AUDIT_ENTRY
              .OBJECT_TYPE
              .containsIgnoreCase(q.objectText())
              .or(AUDIT_ENTRY.OBJECT_ID.containsIgnoreCase(q.objectText())));
    }
    q.from().ifPresent(t -> where.add(AUDIT_ENTRY.TS_MS.ge(t.toEpochMilli())));
    q.to().ifPresent(t -> where.add(AUDIT_ENTRY.TS_MS.lt(t.toEpochMilli())));
    return db.selectFrom(AUDIT_ENTRY)
        .where(where)
        .orderBy(AUDIT_ENTRY.SEQ.desc())
        .limit(q.limit())
        .fetch(JooqAuditLog::toEntry);
  }

  @Override
  public ChainVerification verify() {
    return db.transactionResult(
        cfg -> {
          DSLContext tx = DSL.using(cfg);
          Optional<AuditHead> head = readHead(tx);
          try (Cursor<AuditEntryRecord> cursor =
              tx.selectFrom(AUDIT_ENTRY)
                  .orderBy(AUDIT_ENTRY.SEQ.asc())
                  .fetchSize(1000)
                  .fetchLazy()) {
            Iterator<AuditEntry> it = cursor.stream().map(JooqAuditLog::toEntry).iterator();
            return AuditChain.verify(it, head);
          }
        });
  }

  @Override
  public long count() {
    return db.fetchCount(AUDIT_ENTRY);
  }

  private static Optional<AuditHead> readHead(DSLContext tx) {
    return tx.selectFrom(AUDIT_HEAD)
        .where(AUDIT_HEAD.ID.eq(HEAD_ID))
        .forUpdate()
        .fetchOptional(r -> new AuditHead(r.getLastSeq(), r.getLastHash()));
  }

  private static AuditEntry toEntry(AuditEntryRecord r) {
    return new AuditEntry(
        r.getSeq(),
        r.getTsMs(),
        r.getActor(),
        r.getAction(),
        r.getObjectType(),
        r.getObjectId(),
        r.getDetails(),
        r.getPrevHash(),
        r.getEntryHash());
  }
}
