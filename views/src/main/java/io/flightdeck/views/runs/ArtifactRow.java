package io.flightdeck.views.runs;

/**
 * A file a run produced.
 *
 * @param path relative path under the run's artifacts
 * @param size size, formatted
 * @param sha256 content hash (the key into the artifact store)
 */
public record ArtifactRow(String path, String size, String sha256) {}
