package io.flightdeck.core.registry;

import java.util.Optional;

/**
 * What moving an alias would change, shown before the move (promote and rollback dialogs).
 *
 * @param model the model
 * @param alias the alias
 * @param fromVersion the version holding it now, or null when it is new
 * @param toVersion the version it would move to
 * @param protectedAlias whether the move needs an approval
 * @param openApproval an unused approval of exactly this move, if any
 * @param fromEvaluation the newest evaluation of the current holder (evidence candidate)
 * @param toEvaluation the newest evaluation of the target version (evidence candidate)
 */
public record AliasChange(
    String model,
    String alias,
    Integer fromVersion,
    int toVersion,
    boolean protectedAlias,
    Optional<Approval> openApproval,
    Optional<EvaluationResult> fromEvaluation,
    Optional<EvaluationResult> toEvaluation) {}
