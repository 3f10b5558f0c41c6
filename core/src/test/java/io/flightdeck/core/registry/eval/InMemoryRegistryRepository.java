package io.flightdeck.core.registry.eval;

import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.Approval;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelCard;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Models, versions and evaluations in memory: what evaluation and batch scoring use. Aliases and
 * approvals are not supported (they are tested against the real store).
 */
final class InMemoryRegistryRepository implements RegistryRepository {
  private final Map<String, ModelInfo> models = new TreeMap<>();
  private final Map<String, List<ModelVersion>> versions = new TreeMap<>();
  private final List<EvaluationResult> evaluations = new ArrayList<>();

  @Override
  public synchronized ModelInfo createModel(
      String name, String description, String who, Instant when) {
    ModelInfo m = new ModelInfo(name, description, when, who, Set.of(), 0);
    models.put(name, m);
    return m;
  }

  @Override
  public synchronized Optional<ModelInfo> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  @Override
  public synchronized List<ModelInfo> models() {
    return List.copyOf(models.values());
  }

  @Override
  public synchronized ModelVersion addVersion(ModelVersion v) {
    if (!models.containsKey(v.model())) {
      createModel(v.model(), "", v.createdBy(), v.created());
    }
    List<ModelVersion> list = versions.computeIfAbsent(v.model(), m -> new ArrayList<>());
    ModelVersion stored =
        new ModelVersion(
            v.model(),
            list.size() + 1,
            v.sha256(),
            v.size(),
            v.runId(),
            v.source(),
            v.signature(),
            v.task(),
            v.created(),
            v.createdBy(),
            v.description(),
            v.tags(),
            v.card(),
            v.deleted());
    list.add(stored);
    return stored;
  }

  @Override
  public synchronized Optional<ModelVersion> version(String model, int version) {
    return versions.getOrDefault(model, List.of()).stream()
        .filter(v -> v.version() == version)
        .findFirst();
  }

  @Override
  public synchronized List<ModelVersion> versions(String model) {
    return List.copyOf(versions.getOrDefault(model, List.of()));
  }

  @Override
  public List<ModelVersion> versionsOfRun(String runId) {
    return List.of();
  }

  @Override
  public synchronized List<ModelVersion> allVersions() {
    return versions.values().stream().flatMap(List::stream).toList();
  }

  @Override
  public void setDescription(String model, int version, String description) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setCard(String model, int version, ModelCard card) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setTag(String model, int version, String key, String value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized void markDeleted(String model, int version) {
    List<ModelVersion> list = versions.get(model);
    ModelVersion v = list.get(version - 1);
    list.set(
        version - 1,
        new ModelVersion(
            v.model(),
            v.version(),
            v.sha256(),
            v.size(),
            v.runId(),
            v.source(),
            v.signature(),
            v.task(),
            v.created(),
            v.createdBy(),
            v.description(),
            v.tags(),
            v.card(),
            true));
  }

  @Override
  public Map<String, Integer> aliases(String model) {
    return Map.of();
  }

  @Override
  public AliasMove moveAlias(AliasMove move, Long approvalId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<AliasMove> history(String model, String alias) {
    return List.of();
  }

  @Override
  public void setProtectedAliases(String model, Set<String> aliases) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Approval addApproval(Approval approval) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Approval> openApprovals(String model, String alias, int toVersion) {
    return List.of();
  }

  @Override
  public synchronized EvaluationResult addEvaluation(EvaluationResult e) {
    EvaluationResult stored =
        new EvaluationResult(
            evaluations.size() + 1,
            e.model(),
            e.version(),
            e.dataset(),
            e.datasetSha256(),
            e.task(),
            e.metrics(),
            e.detailJson(),
            e.who(),
            e.when());
    evaluations.add(stored);
    return stored;
  }

  @Override
  public synchronized Optional<EvaluationResult> evaluation(long id) {
    return evaluations.stream().filter(e -> e.id() == id).findFirst();
  }

  @Override
  public synchronized List<EvaluationResult> evaluations(String model, int version) {
    return evaluations.stream()
        .filter(e -> e.model().equals(model) && e.version() == version)
        .sorted(Comparator.comparingLong(EvaluationResult::id).reversed())
        .toList();
  }
}
