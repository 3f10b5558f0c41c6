package io.flightdeck.core.registry;

import java.util.List;

/**
 * What an ONNX model takes and gives, and who made it, read when it is registered.
 *
 * @param inputs graph inputs (initializers excluded)
 * @param outputs graph outputs
 * @param irVersion the ONNX IR version
 * @param opset the default-domain opset version (0 when absent)
 * @param producer producer name ("tribuo", "skl2onnx"...), may be empty
 * @param producerVersion may be empty
 * @param featureNames the model's feature names in input column order when known (Tribuo's
 *     model.json or the model's metadata), else empty
 * @param labels class labels in output order for classifiers when known, else empty
 */
public record ModelSignature(
    List<TensorSpec> inputs,
    List<TensorSpec> outputs,
    long irVersion,
    long opset,
    String producer,
    String producerVersion,
    List<String> featureNames,
    List<String> labels) {
  public ModelSignature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    featureNames = List.copyOf(featureNames);
    labels = List.copyOf(labels);
  }
}
