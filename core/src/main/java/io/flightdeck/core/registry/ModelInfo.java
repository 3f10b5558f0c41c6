package io.flightdeck.core.registry;

import java.time.Instant;
import java.util.Set;

/**
 * A registered model: a name under which versions are numbered.
 *
 * @param name unique, checked by {@link RegistryNames#modelName}
 * @param description free text
 * @param created when it was created
 * @param createdBy who created it
 * @param protectedAliases aliases whose moves need an approval
 * @param latestVersion the highest version number ever given (0 when none)
 */
public record ModelInfo(
    String name,
    String description,
    Instant created,
    String createdBy,
    Set<String> protectedAliases,
    int latestVersion) {
  public ModelInfo {
    protectedAliases = Set.copyOf(protectedAliases);
  }
}
