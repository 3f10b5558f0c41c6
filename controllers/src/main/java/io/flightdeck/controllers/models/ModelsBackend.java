package io.flightdeck.controllers.models;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.registry.AliasChange;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelCard;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryVerification;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Models section needs from the registry and the evaluator, in one place (the app wires
 * {@link RegistryBackend} over the workspace's registry service). Every method blocks and throws
 * {@link io.flightdeck.core.error.FlightdeckException} with the service's sentence and hint; call
 * off the FX thread.
 */
public interface ModelsBackend {
  List<ModelInfo> models();

  /** A model's versions, oldest first, deleted ones included. */
  List<ModelVersion> versions(String model);

  /** Alias → version holding it now. */
  Map<String, Integer> aliases(String model);

  /** Moves of an alias (all aliases when null), oldest first. */
  List<AliasMove> history(String model, String alias);

  /** The version that held the alias at that moment, empty when none did. */
  Optional<Integer> holderAt(String model, String alias, Instant at);

  /** A version's evaluations, newest first. */
  List<EvaluationResult> evaluations(String model, int version);

  AliasChange preview(String model, String alias, int toVersion);

  AliasMove moveAlias(String model, String alias, int toVersion, String reason, String evidence);

  AliasMove rollback(String model, String alias, String reason);

  void approve(String model, String alias, int toVersion, String requester, String reason);

  void protect(String model, Set<String> aliases);

  void deleteVersion(String model, int version, String reason);

  ModelVersion registerFile(Path onnx, String model, String description);

  ModelVersion registerRun(String runId, String artifactPath, String model);

  /** Saves the editable part of a version: description, card, tags (only the changed ones). */
  void saveCard(
      String model, int version, String description, ModelCard card, Map<String, String> tags);

  RegistryVerification verify();

  /** Writes an MLflow model folder under {@code dir}; returns the folder written. */
  Path exportMlflow(String model, int version, Path dir);

  ModelVersion importMlflow(Path dir, String model);

  /** Evaluation options as chosen in the dialog. */
  record EvalChoice(
      DatasetRef dataset,
      String target,
      Map<String, String> mapping,
      String groupColumn,
      int permutationRepeats,
      long seed) {}

  EvaluationResult evaluate(String model, int version, EvalChoice choice, ImportProgress progress);

  /**
   * Scores a dataset version (model features mapped to columns of the same name); the predictions
   * become a new dataset version whose lineage names both.
   */
  io.flightdeck.core.dataset.DatasetVersionInfo score(
      String model, int version, DatasetRef dataset, ImportProgress progress);
}
