package io.flightdeck.controllers.models;

import io.flightdeck.core.registry.AliasMove;
import io.flightdeck.core.registry.ModelInfo;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.tracking.TrackingRepository;
import io.flightdeck.views.models.AliasMoveRow;
import io.flightdeck.views.models.AliasRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One model as loaded for the section: its versions, aliases, full alias history and lineage.
 *
 * @param info the model, null before anything is loaded
 */
record ModelState(
    ModelInfo info,
    List<ModelVersion> versions,
    Map<String, Integer> aliases,
    List<AliasMove> history,
    LineageBuilder.Graph lineage) {
  static final ModelState EMPTY = new ModelState(null, List.of(), Map.of(), List.of(), null);

  /** Reads a model from the registry (blocking). */
  static ModelState load(ModelsBackend backend, TrackingRepository runs, String model) {
    List<ModelVersion> versions = backend.versions(model);
    Map<String, Integer> aliases = backend.aliases(model);
    ModelInfo info =
        backend.models().stream().filter(m -> m.name().equals(model)).findFirst().orElse(null);
    return new ModelState(
        info,
        versions,
        aliases,
        backend.history(model, null),
        LineageBuilder.build(versions, aliases, runs));
  }

  Optional<ModelVersion> version(String model, int number) {
    return versions.stream()
        .filter(v -> v.model().equals(model) && v.version() == number)
        .findFirst();
  }

  List<Integer> liveVersions() {
    return versions.stream().filter(v -> !v.deleted()).map(ModelVersion::version).toList();
  }

  Set<String> protectedAliases() {
    return info == null ? Set.of() : info.protectedAliases();
  }

  /** The aliases held now, with protection and the holder before the last move. */
  List<AliasRow> aliasRows() {
    return aliases.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            a ->
                new AliasRow(
                    a.getKey(),
                    a.getValue(),
                    protectedAliases().contains(a.getKey()) ? "protected" : "",
                    previous(a.getKey())))
        .toList();
  }

  private String previous(String alias) {
    for (int i = history.size() - 1; i >= 0; i--) {
      AliasMove m = history.get(i);
      if (m.alias().equals(alias)) {
        return m.fromVersion() == null ? "" : "v" + m.fromVersion();
      }
    }
    return "";
  }

  /** Every move, newest first. */
  List<AliasMoveRow> historyRows() {
    List<AliasMove> newestFirst = new ArrayList<>(history);
    Collections.reverse(newestFirst);
    return newestFirst.stream().map(ModelRows::move).toList();
  }

  /** Every alias that was ever set. */
  List<String> aliasNames() {
    return history.stream().map(AliasMove::alias).distinct().sorted().toList();
  }
}
