package io.flightdeck.core.audit;

import java.util.List;

/**
 * The append-only audit trail of a workspace.
 *
 * <p>Threading: implementations are thread-safe; every method blocks on storage I/O and must not be
 * called on the UI thread. Appends are serialised so that the chain stays linear.
 */
public interface AuditLog {
  /**
   * Records an event, chained to the newest entry, in one transaction.
   *
   * @return the stored entry with its sequence number and hash
   * @throws io.flightdeck.core.error.FlightdeckException when the store cannot be written
   */
  AuditEntry append(AuditEvent event);

  /** Entries matching the query, newest first. */
  List<AuditEntry> list(AuditQuery query);

  /**
   * Reads the whole trail in order and checks every link and the head; names the first broken
   * entry.
   */
  ChainVerification verify();

  /** How many entries are stored. */
  long count();
}
