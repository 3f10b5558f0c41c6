package io.flightdeck.store.registry;

import static io.flightdeck.store.jooq.Tables.ALIAS_HISTORY;
import static io.flightdeck.store.jooq.Tables.APPROVAL;
import static io.flightdeck.store.jooq.Tables.MODEL_ALIAS;
import static io.flightdeck.store.jooq.Tables.MODEL_VERSION;
import static io.flightdeck.store.jooq.Tables.REGISTERED_MODEL;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.store.jooq.tables.records.ApprovalRecord;
import io.flightdeck.store.jooq.tables.records.ModelAliasRecord;
import io.flightdeck.store.jooq.tables.records.ModelVersionRecord;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * One alias move inside a transaction: lock the model row (so that moves of one model are
 * serialised), check the target version and the approval, append the history row, set the current
 * holder and mark the approval used. The stored "from" is the holder read under the lock, whatever
 * the caller believed.
 */
final class AliasWrite {
  private final DSLContext tx;

  AliasWrite(DSLContext tx) {
    this.tx = tx;
  }

  long move(AliasMove m, Long approvalId) {
    String ref = "the alias '" + m.alias() + "' of '" + m.model() + "'";
    if (tx.selectFrom(REGISTERED_MODEL)
            .where(REGISTERED_MODEL.NAME.eq(m.model()))
            .forUpdate()
            .fetchOne()
        == null) {
      throw JooqRegistryRepository.noModel(m.model());
    }
    ModelAliasRecord current =
        tx.selectFrom(MODEL_ALIAS)
            .where(MODEL_ALIAS.MODEL.eq(m.model()), MODEL_ALIAS.ALIAS_NAME.eq(m.alias()))
            .fetchOne();
    Integer from = current == null ? null : current.getVersion();
    if (Objects.equals(from, m.toVersion())) {
      throw new FlightdeckException(
          m.toVersion() == null
              ? "The model '" + m.model() + "' has no alias '" + m.alias() + "' to remove."
              : m.model() + ":" + m.toVersion() + " already holds " + ref + ".",
          "Nothing was changed.");
    }
    if (m.toVersion() != null) {
      ModelVersionRecord target =
          tx.selectFrom(MODEL_VERSION)
              .where(MODEL_VERSION.MODEL.eq(m.model()), MODEL_VERSION.VERSION.eq(m.toVersion()))
              .fetchOne();
      if (target == null) {
        throw JooqRegistryRepository.noVersion(m.model(), m.toVersion());
      }
      if (target.getDeleted()) {
        throw new FlightdeckException(
            m.model() + ":" + m.toVersion() + " is deleted; " + ref + " cannot move to it.",
            "Choose a version that is not deleted.");
      }
    }
    if (approvalId != null) {
      ApprovalRecord a =
          tx.selectFrom(APPROVAL).where(APPROVAL.ID.eq(approvalId)).forUpdate().fetchOne();
      if (a == null
          || a.getUsedByMove() != null
          || !a.getModel().equals(m.model())
          || !a.getAliasName().equals(m.alias())
          || !Objects.equals(a.getToVersion(), m.toVersion())) {
        throw new FlightdeckException(
            "Approval "
                + approvalId
                + " does not allow moving "
                + ref
                + " to version "
                + m.toVersion()
                + ", or it has been used already.",
            "Ask for a new approval of exactly this move.");
      }
    }
    long id =
        tx.insertInto(ALIAS_HISTORY)
            .set(ALIAS_HISTORY.MODEL, m.model())
            .set(ALIAS_HISTORY.ALIAS_NAME, m.alias())
            .set(ALIAS_HISTORY.FROM_VERSION, from)
            .set(ALIAS_HISTORY.TO_VERSION, m.toVersion())
            .set(ALIAS_HISTORY.MOVED_BY, m.who())
            .set(ALIAS_HISTORY.MOVED_MS, m.when().toEpochMilli())
            .set(ALIAS_HISTORY.REASON, m.reason())
            .set(ALIAS_HISTORY.EVIDENCE, JooqRegistryRepository.nonNull(m.evidence()))
            .set(ALIAS_HISTORY.APPROVED_BY, JooqRegistryRepository.nonNull(m.approvedBy()))
            .set(ALIAS_HISTORY.IS_ROLLBACK, m.rollback())
            .returning(ALIAS_HISTORY.ID)
            .fetchOne(ALIAS_HISTORY.ID);
    if (m.toVersion() == null) {
      current.delete();
    } else if (current == null) {
      tx.insertInto(MODEL_ALIAS)
          .set(MODEL_ALIAS.MODEL, m.model())
          .set(MODEL_ALIAS.ALIAS_NAME, m.alias())
          .set(MODEL_ALIAS.VERSION, m.toVersion())
          .execute();
    } else {
      current.setVersion(m.toVersion());
      current.update();
    }
    if (approvalId != null) {
      int used =
          tx.update(APPROVAL)
              .set(APPROVAL.USED_BY_MOVE, id)
              .where(APPROVAL.ID.eq(approvalId), APPROVAL.USED_BY_MOVE.isNull())
              .execute();
      if (used != 1) {
        throw new FlightdeckException(
            "Approval " + approvalId + " was used by another move at the same time.",
            "Ask for a new approval.");
      }
    }
    return id;
  }
}
