package io.flightdeck.core.registry;

import java.time.Instant;

/**
 * Permission to move a protected alias to a version, given by someone.
 *
 * @param id number
 * @param model the model
 * @param alias the protected alias
 * @param toVersion the version it may move to
 * @param requester who asked
 * @param approver who approved (another person than the requester in a shared workspace)
 * @param reason why it was approved
 * @param when when
 * @param usedByMove the move that used it, or null while unused (an approval is used once)
 */
public record Approval(
    long id,
    String model,
    String alias,
    int toVersion,
    String requester,
    String approver,
    String reason,
    Instant when,
    Long usedByMove) {}
