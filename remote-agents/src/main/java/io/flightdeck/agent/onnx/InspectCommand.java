package io.flightdeck.agent.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.TensorSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code AgentMain inspect FILE [--sidecar model.json]}: checks a candidate model ({@link
 * OnnxValidator}), loads it in ONNX Runtime on the CPU, runs one inference on a row of 0.5 and
 * prints one JSON line: {@code {"signature":{...},"task":"classification","sampleOutput":"..."}}
 * (exit 0), or {@code {"error":"sentence","hint":"..."}} (exit 3) when the file is refused. Meant
 * to run in a child process: if ONNX Runtime crashes on the file, only that process dies.
 */
public final class InspectCommand {
  /** Exit code of a refused file; anything else without a JSON line is a crash. */
  public static final int REFUSED = 3;

  private static final long MAX_SAMPLE_ELEMENTS = 1 << 24;

  private InspectCommand() {}

  /** Runs the inspection and writes its one line to {@code stdout}; returns the exit code. */
  public static int run(Path file, Path sidecar, OutputStream stdout) throws IOException {
    Map<String, Object> line;
    int code;
    try {
      line = inspect(file, sidecar);
      code = 0;
    } catch (FlightdeckException e) {
      line = new LinkedHashMap<>();
      line.put("error", e.getMessage());
      line.put("hint", e.hint());
      code = REFUSED;
    } catch (RuntimeException e) {
      line = new LinkedHashMap<>();
      line.put("error", "Cannot inspect " + file + ": " + e);
      line.put("hint", OnnxValidator.HINT);
      code = REFUSED;
    }
    stdout.write((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
    stdout.flush();
    return code;
  }

  static Map<String, Object> inspect(Path file, Path sidecarFile) {
    OnnxValidator.Checked checked = OnnxValidator.check(file);
    Sidecar sidecar = Sidecar.read(sidecarFile);
    ModelSignature s = checked.signature();
    ModelSignature sig =
        new ModelSignature(
            s.inputs(),
            s.outputs(),
            s.irVersion(),
            s.opset(),
            s.producer(),
            s.producerVersion(),
            sidecar.features().isEmpty() ? s.featureNames() : sidecar.features(),
            sidecar.labels().isEmpty() ? s.labels() : sidecar.labels());
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(file.toString(), options)) {
        checkFeatures(file, session.getInputInfo(), sig.featureNames());
        Map<String, float[]> outputs = sampleRun(file, env, session);
        String task = task(sidecar.task(), sig, session.getOutputInfo(), outputs, file);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("signature", toMap(sig));
        line.put("task", task);
        line.put("sampleOutput", sampleText(task, sig, session.getOutputInfo(), outputs));
        return line;
      }
    } catch (OrtException e) {
      throw new FlightdeckException(
          "ONNX Runtime cannot load or run " + file + ": " + e.getMessage(), OnnxValidator.HINT, e);
    }
  }

  private static void checkFeatures(Path file, Map<String, NodeInfo> inputs, List<String> names) {
    if (names.isEmpty() || inputs.size() != 1) {
      return;
    }
    if (inputs.values().iterator().next().getInfo() instanceof TensorInfo ti
        && ti.getShape().length == 2
        && ti.getShape()[1] > 0
        && ti.getShape()[1] != names.size()) {
      throw new FlightdeckException(
          file
              + " takes "
              + ti.getShape()[1]
              + " features but its description names "
              + names.size()
              + " "
              + names
              + ".",
          "Register the model with the model.json written next to it when it was exported.");
    }
  }

  /** One row (dynamic dimensions as 1) of 0.5 for float inputs, 0 for integer inputs. */
  private static Map<String, float[]> sampleRun(Path file, OrtEnvironment env, OrtSession session)
      throws OrtException {
    Map<String, OnnxTensor> feed = new LinkedHashMap<>();
    try {
      for (NodeInfo node : session.getInputInfo().values()) {
        feed.put(node.getName(), sample(file, env, node));
      }
      Map<String, float[]> out = new LinkedHashMap<>();
      try (OrtSession.Result result = session.run(feed)) {
        for (Map.Entry<String, OnnxValue> e : result) {
          out.put(e.getKey(), values(e.getValue()));
        }
      }
      return out;
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  private static OnnxTensor sample(Path file, OrtEnvironment env, NodeInfo node)
      throws OrtException {
    if (!(node.getInfo() instanceof TensorInfo ti)) {
      throw new FlightdeckException(
          file
              + " takes input '"
              + node.getName()
              + "' that is not a tensor ("
              + node.getInfo()
              + "); Flightdeck runs models with numeric tensor inputs only.",
          OnnxValidator.HINT);
    }
    long[] shape = ti.getShape().clone();
    long n = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shape[i] <= 0 ? 1 : shape[i];
      n *= shape[i];
      if (n > MAX_SAMPLE_ELEMENTS) {
        throw new FlightdeckException(
            file
                + " takes input '"
                + node.getName()
                + "' of shape "
                + Arrays.toString(ti.getShape())
                + ", too large for one sample row.",
            OnnxValidator.HINT);
      }
    }
    int size = (int) n;
    return switch (ti.type) {
      case FLOAT -> {
        float[] v = new float[size];
        Arrays.fill(v, 0.5f);
        yield OnnxTensor.createTensor(env, FloatBuffer.wrap(v), shape);
      }
      case DOUBLE -> {
        double[] v = new double[size];
        Arrays.fill(v, 0.5);
        yield OnnxTensor.createTensor(env, DoubleBuffer.wrap(v), shape);
      }
      case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(new long[size]), shape);
      case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(new int[size]), shape);
      default ->
          throw new FlightdeckException(
              file
                  + " takes input '"
                  + node.getName()
                  + "' of type "
                  + ti.type
                  + "; Flightdeck runs models with numeric inputs (float, double, int64, int32) only.",
              OnnxValidator.HINT);
    };
  }

  /** A float or double tensor's values; an empty array for anything else. */
  private static float[] values(OnnxValue v) {
    if (v instanceof OnnxTensor t && t.getInfo().getNumElements() <= MAX_SAMPLE_ELEMENTS) {
      if (t.getInfo().type == OnnxJavaType.FLOAT) {
        FloatBuffer f = t.getFloatBuffer();
        float[] out = new float[f.remaining()];
        f.get(out);
        return out;
      }
      if (t.getInfo().type == OnnxJavaType.DOUBLE) {
        DoubleBuffer d = t.getDoubleBuffer();
        float[] out = new float[d.remaining()];
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) d.get(i);
        }
        return out;
      }
    }
    return new float[0];
  }

  /**
   * Classification when the description says so, when labels are known, or when a float output [N,
   * C] holds probabilities (in [0, 1], summing to 1); regression when the description says so or
   * one float output [N, 1]/[N] is there; else unknown.
   */
  static String task(
      String declared,
      ModelSignature sig,
      Map<String, NodeInfo> info,
      Map<String, float[]> sample,
      Path file) {
    if (!declared.isEmpty()) {
      if (Outputs.pick(declared, info, sig.labels().size()).isEmpty()) {
        throw new FlightdeckException(
            file
                + " is described as "
                + declared
                + " but has no "
                + Outputs.wanted(declared)
                + (sig.labels().isEmpty() ? "" : " for its " + sig.labels().size() + " labels")
                + ".",
            "Check that the model.json belongs to this model.");
      }
      return declared;
    }
    var cls = Outputs.pick(Outputs.CLASSIFICATION, info, sig.labels().size());
    if (cls.isPresent()
        && (!sig.labels().isEmpty() || probabilities(sample.get(cls.get().name())))) {
      return Outputs.CLASSIFICATION;
    }
    if (!sig.labels().isEmpty()) {
      throw new FlightdeckException(
          file
              + " has "
              + sig.labels().size()
              + " labels but no "
              + Outputs.wanted(Outputs.CLASSIFICATION)
              + " for them.",
          "Check that the labels belong to this model.");
    }
    long floats = sig.outputs().stream().filter(o -> o.elementType().equals("float")).count();
    return floats == 1 && Outputs.pick(Outputs.REGRESSION, info, 0).isPresent()
        ? Outputs.REGRESSION
        : "unknown";
  }

  private static boolean probabilities(float[] row) {
    if (row == null || row.length < 2) {
      return false;
    }
    double sum = 0;
    for (float p : row) {
      if (!(p >= 0 && p <= 1)) {
        return false;
      }
      sum += p;
    }
    return Math.abs(sum - 1) < 1e-3;
  }

  private static String sampleText(
      String task, ModelSignature sig, Map<String, NodeInfo> info, Map<String, float[]> sample) {
    if (!task.equals("unknown")) {
      String name = Outputs.pick(task, info, sig.labels().size()).orElseThrow().name();
      float[] v = sample.get(name);
      return task.equals(Outputs.CLASSIFICATION)
          ? "probabilities " + numbers(v) + (sig.labels().isEmpty() ? "" : " for " + sig.labels())
          : "value " + (v.length == 1 ? number(v[0]) : numbers(v));
    }
    List<String> parts = new ArrayList<>();
    for (TensorSpec o : sig.outputs()) {
      float[] v = sample.get(o.name());
      parts.add(
          o.name() + " " + (v == null || v.length == 0 ? "(" + o.elementType() + ")" : numbers(v)));
    }
    return String.join("; ", parts);
  }

  private static String numbers(float[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < Math.min(v.length, 10); i++) {
      sb.append(i == 0 ? "" : ", ").append(number(v[i]));
    }
    return sb.append(v.length > 10 ? ", ...]" : "]").toString();
  }

  private static String number(float f) {
    if (!Float.isFinite(f)) {
      return Float.toString(f);
    }
    return new BigDecimal(f).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** The signature as the JSON object the inspector's parent reads. */
  public static Map<String, Object> toMap(ModelSignature s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputs", s.inputs().stream().map(InspectCommand::spec).toList());
    m.put("outputs", s.outputs().stream().map(InspectCommand::spec).toList());
    m.put("irVersion", s.irVersion());
    m.put("opset", s.opset());
    m.put("producer", s.producer());
    m.put("producerVersion", s.producerVersion());
    m.put("featureNames", s.featureNames());
    m.put("labels", s.labels());
    return m;
  }

  private static Map<String, Object> spec(TensorSpec t) {
    return Map.of("name", t.name(), "elementType", t.elementType(), "shape", t.shape());
  }
}
