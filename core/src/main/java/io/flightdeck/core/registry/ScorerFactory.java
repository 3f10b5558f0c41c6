package io.flightdeck.core.registry;

import java.nio.file.Path;

/** Loads a model that has already been inspected and whose hash was checked. Thread-safe. */
public interface ScorerFactory {
  /**
   * @param model the ONNX file (a verified copy; the caller deletes it after closing)
   * @param signature its stored signature (features, labels, task)
   * @param task classification or regression
   */
  Scorer open(Path model, ModelSignature signature, String task);
}
