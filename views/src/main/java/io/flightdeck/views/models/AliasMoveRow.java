package io.flightdeck.views.models;

/**
 * One move in an alias's history, formatted.
 *
 * @param alias the alias
 * @param change "v1 → v2" ("new → v1", "v2 → removed")
 * @param who who moved it
 * @param when when
 * @param reason why
 * @param evidence evaluation or canary references
 * @param approvedBy approver for a protected alias, else empty
 * @param rollback "yes" for a rollback, else empty
 */
public record AliasMoveRow(
    String alias,
    String change,
    String who,
    String when,
    String reason,
    String evidence,
    String approvedBy,
    String rollback) {}
