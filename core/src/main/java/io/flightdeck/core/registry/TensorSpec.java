package io.flightdeck.core.registry;

import java.util.List;

/**
 * One input or output of an ONNX model.
 *
 * @param name the graph's name for it
 * @param elementType ONNX element type in lower case ("float", "double", "int64", "string"...), or
 *     "sequence"/"map" for non-tensor types
 * @param shape dimensions; -1 for a dynamic dimension (batch)
 */
public record TensorSpec(String name, String elementType, List<Long> shape) {
  public TensorSpec {
    shape = List.copyOf(shape);
  }
}
