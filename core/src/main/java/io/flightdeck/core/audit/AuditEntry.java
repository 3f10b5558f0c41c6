package io.flightdeck.core.audit;

import java.time.Instant;

/**
 * One recorded, chained entry of the audit trail. Immutable.
 *
 * @param seq position in the chain, starting at 1, without gaps
 * @param timestampMs when it was recorded, epoch milliseconds
 * @param actor who caused it (the operating-system user)
 * @param action what happened
 * @param objectType the kind of object changed
 * @param objectId the identity of the object changed
 * @param detailsJson details as a JSON object
 * @param prevHash the hash of the previous entry (64 zeros for the first)
 * @param hash SHA-256 over this entry's fields and {@code prevHash}, see {@link AuditChain#hash}
 */
public record AuditEntry(
    long seq,
    long timestampMs,
    String actor,
    String action,
    String objectType,
    String objectId,
    String detailsJson,
    String prevHash,
    String hash) {

  /** The timestamp as an instant. */
  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMs);
  }
}
