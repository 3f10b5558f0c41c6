package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetRepository;
import io.flightdeck.core.dataset.DatasetSummary;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.NewVersion;
import io.flightdeck.core.dataset.ValidationStatus;
import io.flightdeck.core.dataset.contract.SchemaContract;
import io.flightdeck.core.dataset.contract.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Dataset versions and profiles in memory (no contracts or validations), for core tests. */
final class InMemoryDatasetRepository implements DatasetRepository {
  private final Map<String, List<DatasetVersionInfo>> versions = new TreeMap<>();
  private final Map<DatasetRef, List<ColumnProfile>> profiles = new java.util.HashMap<>();

  @Override
  public synchronized DatasetVersionInfo addVersion(NewVersion v) {
    List<DatasetVersionInfo> list = versions.computeIfAbsent(v.dataset(), d -> new ArrayList<>());
    DatasetVersionInfo info =
        new DatasetVersionInfo(
            new DatasetRef(v.dataset(), list.size() + 1),
            v.lineage(),
            v.schema(),
            v.dataSha256(),
            v.dataSize(),
            ValidationStatus.NOT_VALIDATED,
            Optional.empty());
    list.add(info);
    profiles.put(info.ref(), v.profiles());
    return info;
  }

  @Override
  public synchronized List<DatasetSummary> list() {
    return versions.entrySet().stream()
        .map(
            e ->
                new DatasetSummary(
                    e.getKey(),
                    e.getValue().size(),
                    e.getValue().get(e.getValue().size() - 1),
                    e.getValue().get(0).lineage().importedAt(),
                    false))
        .toList();
  }

  @Override
  public synchronized List<DatasetVersionInfo> versions(String dataset) {
    return List.copyOf(versions.getOrDefault(dataset, List.of()));
  }

  @Override
  public synchronized Optional<DatasetVersionInfo> find(DatasetRef ref) {
    return versions.getOrDefault(ref.name(), List.of()).stream()
        .filter(v -> v.ref().equals(ref))
        .findFirst();
  }

  @Override
  public synchronized List<ColumnProfile> profiles(DatasetRef ref) {
    return profiles.getOrDefault(ref, List.of());
  }

  @Override
  public Optional<SchemaContract> contract(String dataset) {
    return Optional.empty();
  }

  @Override
  public void saveContract(SchemaContract contract, String who, Instant when) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void saveValidation(DatasetRef ref, ValidationReport report) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ValidationReport> lastValidation(DatasetRef ref) {
    return Optional.empty();
  }

  @Override
  public void saveOverride(DatasetRef ref, String reason, String who, Instant when) {
    throw new UnsupportedOperationException();
  }
}
