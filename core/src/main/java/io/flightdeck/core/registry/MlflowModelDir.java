package io.flightdeck.core.registry;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An MLflow model directory holding an ONNX model: {@code MLmodel} (onnx and python_function
 * flavors, the tensor signature), {@code model.onnx} and Flightdeck's {@code model.json}. Writes
 * the text files and reads {@code MLmodel} back; copying the model itself is the caller's (it must
 * be a checked copy). Stateless.
 */
final class MlflowModelDir {
  static final String MLMODEL = "MLmodel";
  static final String DATA = "model.onnx";
  static final String SIDECAR = "model.json";
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private MlflowModelDir() {}

  /** The {@code MLmodel} text for a version. */
  static String mlmodel(ModelVersion v, Instant now) {
    ModelSignature s = v.signature();
    StringBuilder b = new StringBuilder();
    b.append("artifact_path: model\n");
    b.append("flavors:\n");
    b.append("  onnx:\n");
    b.append("    code: null\n");
    b.append("    data: ").append(DATA).append('\n');
    b.append("    onnx_version: 1.16.0\n");
    b.append("    providers:\n");
    b.append("    - CPUExecutionProvider\n");
    b.append("  python_function:\n");
    b.append("    data: ").append(DATA).append('\n');
    b.append("    loader_module: mlflow.onnx\n");
    b.append("    python_version: 3.10.12\n");
    b.append("model_uuid: ").append(UUID.randomUUID().toString().replace("-", "")).append('\n');
    b.append("signature:\n");
    b.append("  inputs: ").append(quote(Json.write(tensors(s.inputs())))).append('\n');
    b.append("  outputs: ").append(quote(Json.write(tensors(s.outputs())))).append('\n');
    b.append("  params: null\n");
    b.append("utc_time_created: '").append(CREATED.format(now)).append("'\n");
    b.append("metadata:\n");
    b.append("  flightdeck_model: ").append(quote(v.model())).append('\n');
    b.append("  flightdeck_version: '").append(v.version()).append("'\n");
    b.append("  flightdeck_sha256: ").append(v.sha256()).append('\n');
    return b.toString();
  }

  /** Flightdeck's sidecar for the version, in the agent's model.json layout. */
  static String sidecar(ModelVersion v) {
    ModelSignature s = v.signature();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("format", "onnx");
    d.put("task", v.task());
    d.put("input", s.inputs().isEmpty() ? "" : s.inputs().get(0).name());
    d.put("output", s.outputs().isEmpty() ? "" : s.outputs().get(0).name());
    d.put("features", s.featureNames());
    if (!s.labels().isEmpty()) {
      d.put("labels", s.labels());
    }
    d.put("producer", s.producer());
    d.put("registry", v.ref());
    d.put("sha256", v.sha256());
    return Json.write(d) + "\n";
  }

  private static List<Map<String, Object>> tensors(List<TensorSpec> specs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TensorSpec t : specs) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("dtype", numpyType(t.elementType()));
      spec.put("shape", t.shape());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "tensor");
      m.put("tensor-spec", spec);
      m.put("name", t.name());
      out.add(m);
    }
    return out;
  }

  /** MLflow names tensor types as numpy does. */
  static String numpyType(String onnx) {
    return switch (onnx) {
      case "float" -> "float32";
      case "double" -> "float64";
      case "string" -> "str";
      default -> onnx;
    };
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * Reads {@code dir/MLmodel} and returns the ONNX file its onnx flavor names, checked to stay
   * inside {@code dir}.
   *
   * @throws FlightdeckException when there is no MLmodel, no onnx flavor (pickle and other flavors
   *     are refused: they run code on load), or the data path leaves the folder or is missing
   */
  static Path onnxFile(Path dir) throws IOException {
    Path mlmodel = dir.resolve(MLMODEL);
    if (!Files.isRegularFile(mlmodel)) {
      throw new FlightdeckException(
          dir + " is not an MLflow model directory: it has no MLmodel file.",
          "Choose the folder that contains MLmodel (for example mlruns/0/RUN/artifacts/model).");
    }
    Map<String, Object> yaml = NestedYaml.read(mlmodel);
    Object flavors = yaml.get("flavors");
    if (!(flavors instanceof Map<?, ?> fl) || !(fl.get("onnx") instanceof Map<?, ?> onnx)) {
      String found =
          flavors instanceof Map<?, ?> fl2 && !fl2.isEmpty()
              ? String.join(", ", fl2.keySet().stream().map(String::valueOf).toList())
              : "none";
      throw new FlightdeckException(
          "The MLflow model in "
              + dir
              + " has no onnx flavor (flavors: "
              + found
              + "). Only ONNX models are accepted: pickled and other Python models run code when"
              + " they are loaded.",
          "Export the model to ONNX (mlflow.onnx.log_model) and import that directory.");
    }
    Object data = onnx.get("data");
    if (!(data instanceof String rel) || rel.isBlank()) {
      throw new FlightdeckException(
          mlmodel + " has no 'data' file in its onnx flavor.",
          "Add 'data: model.onnx' under onnx.");
    }
    Path root = dir.toRealPath();
    Path candidate = root.resolve(rel).normalize();
    if (Path.of(rel).isAbsolute() || !candidate.startsWith(root)) {
      throw new FlightdeckException(
          mlmodel + " names the model file '" + rel + "', which is outside the model directory.",
          "Put the ONNX file inside " + dir + " and name it relative to it (data: model.onnx).");
    }
    if (!Files.isRegularFile(candidate)) {
      throw new FlightdeckException(
          mlmodel + " names the model file '" + rel + "', which does not exist.",
          "Check the directory is complete.");
    }
    if (!candidate.toRealPath().startsWith(root)) {
      throw new FlightdeckException(
          mlmodel + " names the model file '" + rel + "', which links outside the model directory.",
          "Replace the link with the file itself.");
    }
    return candidate;
  }
}
