package io.flightdeck.views.audit;

/**
 * One line of the audit table, already formatted for display.
 *
 * @param seq the entry's sequence number
 * @param time when, formatted in local time
 * @param actor who
 * @param action what happened
 * @param objectType the kind of object
 * @param objectId which object
 * @param details the details JSON
 * @param hash the entry's hash
 */
public record AuditRow(
    long seq,
    String time,
    String actor,
    String action,
    String objectType,
    String objectId,
    String details,
    String hash) {}
