package io.flightdeck.agent.onnx;

import ai.onnx.proto.OnnxMl;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.TensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ModelSignature} from a parsed ModelProto: graph inputs without initializers,
 * outputs, element types, shapes (-1 for symbolic or unknown dimensions), IR version,
 * default-domain opset, producer. Feature names and labels come from the model's metadata when it
 * has them, as a comma-separated list under {@code feature_names}/{@code features} and {@code
 * labels}/{@code classes}; else they are empty. Stateless.
 */
public final class ProtoSignatures {
  private ProtoSignatures() {}

  public static ModelSignature read(OnnxMl.ModelProto m) {
    OnnxMl.GraphProto g = m.getGraph();
    Set<String> initializers = new HashSet<>();
    g.getInitializerList().forEach(t -> initializers.add(t.getName()));
    List<TensorSpec> inputs = new ArrayList<>();
    for (OnnxMl.ValueInfoProto v : g.getInputList()) {
      if (!initializers.contains(v.getName())) {
        inputs.add(spec(v));
      }
    }
    List<TensorSpec> outputs = new ArrayList<>();
    g.getOutputList().forEach(v -> outputs.add(spec(v)));
    long opset = 0;
    for (OnnxMl.OperatorSetIdProto o : m.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        opset = Math.max(opset, o.getVersion());
      }
    }
    Map<String, String> meta = metadata(m);
    return new ModelSignature(
        inputs,
        outputs,
        m.getIrVersion(),
        opset,
        m.getProducerName(),
        m.getProducerVersion(),
        list(meta, "feature_names", "features"),
        list(meta, "labels", "classes"));
  }

  /** The model's metadata_props in file order. */
  public static Map<String, String> metadata(OnnxMl.ModelProto m) {
    Map<String, String> meta = new LinkedHashMap<>();
    m.getMetadataPropsList().forEach(e -> meta.put(e.getKey(), e.getValue()));
    return meta;
  }

  static TensorSpec spec(OnnxMl.ValueInfoProto v) {
    OnnxMl.TypeProto t = v.getType();
    return switch (t.getValueCase()) {
      case TENSOR_TYPE -> tensor(v.getName(), t.getTensorType());
      case SEQUENCE_TYPE -> new TensorSpec(v.getName(), "sequence", List.of());
      case MAP_TYPE -> new TensorSpec(v.getName(), "map", List.of());
      case OPTIONAL_TYPE -> new TensorSpec(v.getName(), "optional", List.of());
      case SPARSE_TENSOR_TYPE -> new TensorSpec(v.getName(), "sparse_tensor", List.of());
      case OPAQUE_TYPE -> new TensorSpec(v.getName(), "opaque", List.of());
      default -> new TensorSpec(v.getName(), "undefined", List.of());
    };
  }

  private static TensorSpec tensor(String name, OnnxMl.TypeProto.Tensor t) {
    List<Long> shape = new ArrayList<>();
    for (OnnxMl.TensorShapeProto.Dimension d : t.getShape().getDimList()) {
      shape.add(d.hasDimValue() ? d.getDimValue() : -1L);
    }
    return new TensorSpec(name, elementType(t.getElemType()), shape);
  }

  /** ONNX's TensorProto.DataType number as a lower-case name ("float", "int64", "bfloat16"). */
  public static String elementType(int number) {
    OnnxMl.TensorProto.DataType dt = OnnxMl.TensorProto.DataType.forNumber(number);
    return dt == null ? "type " + number : dt.name().toLowerCase(Locale.ROOT);
  }

  private static List<String> list(Map<String, String> meta, String... keys) {
    for (String k : keys) {
      String v = meta.get(k);
      if (v != null && !v.isBlank()) {
        return Arrays.stream(v.split(",")).map(String::trim).toList();
      }
    }
    return List.of();
  }
}
