package io.flightdeck.views.models;

/**
 * A row of the versions table, formatted for display.
 *
 * @param model the model name
 * @param version its number
 * @param aliases aliases it holds now, comma separated
 * @param task classification, regression or unknown
 * @param source the run ("run 3f2a…") or the file it came from
 * @param size formatted size
 * @param sha256 the short hash (first 12 hex digits)
 * @param created when, formatted
 * @param who who registered it
 * @param deleted true once deleted (shown greyed)
 */
public record ModelVersionRow(
    String model,
    int version,
    String aliases,
    String task,
    String source,
    String size,
    String sha256,
    String created,
    String who,
    boolean deleted) {
  /** "name:version". */
  public String ref() {
    return model + ":" + version;
  }
}
