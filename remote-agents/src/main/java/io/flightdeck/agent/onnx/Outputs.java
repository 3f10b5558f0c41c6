package io.flightdeck.agent.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.TensorInfo;
import io.flightdeck.core.error.FlightdeckException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which model output the scorer reads, and reading it. Classification: a float (or double) tensor
 * {@code [N, C]} (C = the number of labels when known; an output named like "prob" first);
 * regression: a float tensor {@code [N, 1]} or {@code [N]}. Stateless.
 */
final class Outputs {
  static final String CLASSIFICATION = "classification";
  static final String REGRESSION = "regression";

  /**
   * @param name the output's name
   * @param width C for classification (-1 when dynamic), 1 for regression
   */
  record Pick(String name, long width) {}

  private Outputs() {}

  static String wanted(String task) {
    return task.equals(CLASSIFICATION)
        ? "float probability output [N, classes]"
        : "float output [N, 1] or [N]";
  }

  static Optional<Pick> pick(String task, Map<String, NodeInfo> outputs, int labels) {
    Pick found = null;
    boolean foundProb = false;
    for (NodeInfo node : outputs.values()) {
      if (!(node.getInfo() instanceof TensorInfo ti)
          || (ti.type != OnnxJavaType.FLOAT && ti.type != OnnxJavaType.DOUBLE)) {
        continue;
      }
      long[] shape = ti.getShape();
      Pick p = null;
      if (task.equals(CLASSIFICATION)) {
        if (shape.length == 2
            && (labels == 0 ? shape[1] != 1 : shape[1] <= 0 || shape[1] == labels)) {
          p = new Pick(node.getName(), labels > 0 ? labels : shape[1]);
        }
      } else if (shape.length == 1 || (shape.length == 2 && shape[1] == 1)) {
        p = new Pick(node.getName(), 1);
      }
      boolean prob = node.getName().toLowerCase(Locale.ROOT).contains("prob");
      if (p != null && (found == null || (prob && !foundProb))) {
        found = p;
        foundProb = prob;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Copies {@code rows × per} values out of an output tensor. */
  static float[] read(OnnxValue value, int rows, int per, Path file) {
    if (!(value instanceof OnnxTensor t)) {
      throw wrongSize(file, rows, per, "a " + value.getType());
    }
    float[] out = new float[rows * per];
    if (t.getInfo().type == OnnxJavaType.DOUBLE) {
      DoubleBuffer d = t.getDoubleBuffer();
      if (d.remaining() != out.length) {
        throw wrongSize(file, rows, per, d.remaining() + " values");
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) d.get(i);
      }
      return out;
    }
    FloatBuffer f = t.getFloatBuffer();
    if (f == null || f.remaining() != out.length) {
      throw wrongSize(file, rows, per, (f == null ? "no float" : f.remaining()) + " values");
    }
    f.get(out);
    return out;
  }

  private static FlightdeckException wrongSize(Path file, int rows, int per, String got) {
    return new FlightdeckException(
        "The model "
            + file
            + " gave "
            + got
            + " for "
            + rows
            + " rows; expected "
            + rows * per
            + ".",
        "Check that the model's output matches its signature.");
  }
}
