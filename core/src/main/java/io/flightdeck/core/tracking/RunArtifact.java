package io.flightdeck.core.tracking;

/**
 * A file a run produced, stored in the workspace's content-addressed store.
 *
 * @param path the relative path under the run's artifact root ("model/model.onnx"), validated by
 *     {@link TrackingNames#artifactPath}
 * @param sha256 hex SHA-256 of the content, the key into the artifact store
 * @param size bytes
 */
public record RunArtifact(String path, String sha256, long size) {}
