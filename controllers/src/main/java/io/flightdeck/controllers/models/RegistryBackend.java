package io.flightdeck.controllers.models;

import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.registry.AliasChange;
import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelCard;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.registry.RegistryVerification;
import io.flightdeck.core.registry.eval.EvalOptions;
import io.flightdeck.core.registry.eval.ModelEvaluator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The Models section's backend over the workspace's registry service and model evaluator. */
public final class RegistryBackend implements ModelsBackend {
  private final RegistryService registry;
  private final ModelEvaluator evaluator;

  private final io.flightdeck.core.registry.eval.BatchScorer scorer;

  public RegistryBackend(
      RegistryService registry,
      ModelEvaluator evaluator,
      io.flightdeck.core.registry.eval.BatchScorer scorer) {
    this.scorer = scorer;
    this.registry = registry;
    this.evaluator = evaluator;
  }

  @Override
  public List<ModelInfo> models() {
    return registry.models();
  }

  @Override
  public List<ModelVersion> versions(String model) {
    return registry.versions(model);
  }

  @Override
  public Map<String, Integer> aliases(String model) {
    return registry.aliases(model);
  }

  @Override
  public List<AliasMove> history(String model, String alias) {
    return registry.history(model, alias);
  }

  @Override
  public Optional<Integer> holderAt(String model, String alias, Instant at) {
    return registry.holderAt(model, alias, at);
  }

  @Override
  public List<EvaluationResult> evaluations(String model, int version) {
    return registry.evaluations(model, version);
  }

  @Override
  public AliasChange preview(String model, String alias, int toVersion) {
    return registry.preview(model, alias, toVersion);
  }

  @Override
  public AliasMove moveAlias(
      String model, String alias, int toVersion, String reason, String evidence) {
    return registry.moveAlias(model, alias, toVersion, reason, evidence);
  }

  @Override
  public AliasMove rollback(String model, String alias, String reason) {
    return registry.rollback(model, alias, reason);
  }

  @Override
  public void approve(String model, String alias, int toVersion, String requester, String reason) {
    registry.approve(model, alias, toVersion, requester, reason);
  }

  @Override
  public void protect(String model, Set<String> aliases) {
    registry.protect(model, aliases);
  }

  @Override
  public void deleteVersion(String model, int version, String reason) {
    registry.deleteVersion(model, version, reason);
  }

  @Override
  public ModelVersion registerFile(Path onnx, String model, String description) {
    return registry.registerFile(onnx, model, description);
  }

  @Override
  public ModelVersion registerRun(String runId, String artifactPath, String model) {
    return registry.registerRun(runId, artifactPath, model);
  }

  @Override
  public void saveCard(
      String model, int version, String description, ModelCard card, Map<String, String> tags) {
    ModelVersion v = registry.version(model, version);
    if (!Objects.equals(v.description(), description)) {
      registry.setDescription(model, version, description);
    }
    if (!Objects.equals(v.card(), card)) {
      registry.setCard(model, version, card);
    }
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (!Objects.equals(v.tags().get(t.getKey()), t.getValue())) {
        registry.setTag(model, version, t.getKey(), t.getValue());
      }
    }
  }

  @Override
  public RegistryVerification verify() {
    return registry.verify();
  }

  @Override
  public Path exportMlflow(String model, int version, Path dir) {
    return registry.exportMlflow(model, version, dir);
  }

  @Override
  public ModelVersion importMlflow(Path dir, String model) {
    return registry.importMlflow(dir, model);
  }

  @Override
  public EvaluationResult evaluate(
      String model, int version, EvalChoice c, ImportProgress progress) {
    EvalOptions options =
        new EvalOptions(c.target(), c.mapping(), c.groupColumn(), c.permutationRepeats(), c.seed());
    return evaluator.evaluate(model, version, c.dataset(), options, progress);
  }

  @Override
  public io.flightdeck.core.dataset.DatasetVersionInfo score(
      String model,
      int version,
      io.flightdeck.core.dataset.DatasetRef dataset,
      ImportProgress progress) {
    return scorer.score(model, version, dataset, java.util.Map.of(), progress);
  }
}
