package io.flightdeck.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the registry lives (the workspace database): models, immutable versions, aliases with their
 * permanent history, approvals and evaluations. Nothing is ever updated in place but the current
 * alias table, descriptions, cards, tags and the deleted flag; history rows are only added.
 *
 * <p>Threading: thread-safe; blocking; never on the UI thread. Errors: {@link
 * io.flightdeck.core.error.FlightdeckException} naming the model, version or alias.
 */
public interface RegistryRepository {
  /** Creates a model; refuses a name already taken. */
  ModelInfo createModel(String name, String description, String who, Instant when);

  Optional<ModelInfo> model(String name);

  /** All models by name. */
  List<ModelInfo> models();

  /**
   * Adds a version with the next number (the model's highest number ever plus one), in one
   * transaction; creates the model when missing.
   */
  ModelVersion addVersion(ModelVersion withoutNumber);

  /** A version, deleted ones included. */
  Optional<ModelVersion> version(String model, int version);

  /** A model's versions, oldest first, deleted ones included. */
  List<ModelVersion> versions(String model);

  /** Versions registered from a run. */
  List<ModelVersion> versionsOfRun(String runId);

  /** Every version of every model (for "verify registry"). */
  List<ModelVersion> allVersions();

  void setDescription(String model, int version, String description);

  void setCard(String model, int version, ModelCard card);

  void setTag(String model, int version, String key, String value);

  /** Marks a version deleted; it must not hold an alias. Its number is never reused. */
  void markDeleted(String model, int version);

  /** Which version holds each alias now. */
  Map<String, Integer> aliases(String model);

  /**
   * Moves (or sets, or removes with {@code toVersion} null) an alias and appends the move to the
   * history, in one transaction. When {@code approvalId} is given, the approval is marked used by
   * this move in the same transaction.
   *
   * @return the stored move
   */
  AliasMove moveAlias(AliasMove move, Long approvalId);

  /** An alias's history (or all aliases' when {@code alias} is null), oldest first. */
  List<AliasMove> history(String model, String alias);

  /** Sets which aliases of a model are protected. */
  void setProtectedAliases(String model, java.util.Set<String> aliases);

  Approval addApproval(Approval approval);

  /** Unused approvals of an alias move to a version. */
  List<Approval> openApprovals(String model, String alias, int toVersion);

  EvaluationResult addEvaluation(EvaluationResult withoutId);

  Optional<EvaluationResult> evaluation(long id);

  /** A version's evaluations, newest first. */
  List<EvaluationResult> evaluations(String model, int version);
}
