package io.flightdeck.core.registry;

import java.nio.file.Path;

/**
 * Opens an untrusted model file where a crash cannot hurt the app (the agent, in a child process),
 * checks that it is a plain ONNX model (no pickle, no zip, nothing truncated, external data only
 * inside its own folder), reads its signature and runs one inference.
 *
 * <p>Threading: blocking; call off the UI thread.
 */
public interface ModelInspector {
  /**
   * @param onnxFile the candidate file
   * @param sidecarJson optional description written next to a Tribuo export (model.json: feature
   *     order, labels, task), or null
   * @throws io.flightdeck.core.error.FlightdeckException naming the file and why it was refused
   */
  ModelInspection inspect(Path onnxFile, Path sidecarJson);
}
