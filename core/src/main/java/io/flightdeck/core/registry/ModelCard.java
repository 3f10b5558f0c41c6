package io.flightdeck.core.registry;

/**
 * The human part of a model card (metrics and lineage are shown from the store).
 *
 * @param intendedUse what the model is for
 * @param limitations where it should not be trusted
 * @param notes anything else (Markdown)
 */
public record ModelCard(String intendedUse, String limitations, String notes) {
  public static final ModelCard EMPTY = new ModelCard("", "", "");
}
