package io.flightdeck.core.registry;

import java.time.Instant;

/**
 * One move of an alias, kept forever.
 *
 * @param id increasing number of the move
 * @param model the model
 * @param alias the alias ("champion")
 * @param fromVersion the version that held it before, or null when it was new
 * @param toVersion the version that holds it after, or null when the alias was removed
 * @param who who moved it
 * @param when when
 * @param reason why (required)
 * @param evidence what supports it ("evaluation:12", later "canary:3"), may be empty
 * @param approvedBy who approved it for a protected alias, else empty
 * @param rollback true when this move was a rollback to the previous holder
 */
public record AliasMove(
    long id,
    String model,
    String alias,
    Integer fromVersion,
    Integer toVersion,
    String who,
    Instant when,
    String reason,
    String evidence,
    String approvedBy,
    boolean rollback) {}
