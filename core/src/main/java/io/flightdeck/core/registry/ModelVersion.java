package io.flightdeck.core.registry;

import java.time.Instant;
import java.util.Map;

/**
 * One immutable version of a model. Its number is never reused, even after deletion.
 *
 * @param model the model name
 * @param version 1, 2, 3...
 * @param sha256 the ONNX file's hash, its key in the artifact store
 * @param size bytes
 * @param runId the run that produced it, or null for a file registered by hand
 * @param source where it came from: "run:RUN_ID/model/model.onnx" or "file:NAME"
 * @param signature inputs, outputs, opset, producer, features, labels
 * @param task classification, regression or unknown
 * @param created when registered
 * @param createdBy who registered it
 * @param description free text
 * @param tags key/value tags
 * @param card the model card
 * @param deleted true once deleted (kept for history; its number stays taken)
 */
public record ModelVersion(
    String model,
    int version,
    String sha256,
    long size,
    String runId,
    String source,
    ModelSignature signature,
    String task,
    Instant created,
    String createdBy,
    String description,
    Map<String, String> tags,
    ModelCard card,
    boolean deleted) {
  public ModelVersion {
    tags = Map.copyOf(tags);
  }

  /** "name:version". */
  public String ref() {
    return model + ":" + version;
  }
}
