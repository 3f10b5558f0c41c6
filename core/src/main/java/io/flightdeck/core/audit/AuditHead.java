package io.flightdeck.core.audit;

/**
 * The recorded newest entry of the chain, kept apart from the entries so that deleting the newest
 * ones is detected.
 *
 * @param lastSeq the sequence number of the newest entry
 * @param lastHash its hash
 */
public record AuditHead(long lastSeq, String lastHash) {}
