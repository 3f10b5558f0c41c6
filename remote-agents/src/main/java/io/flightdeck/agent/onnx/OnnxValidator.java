package io.flightdeck.agent.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelSignature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a candidate model file before ONNX Runtime ever sees it: refuses pickles, zips (PyTorch,
 * Keras), HDF5 and gzip files, empty or truncated files, a ModelProto without IR version, graph,
 * inputs or outputs, and external data that points anywhere but a plain file in the model's own
 * folder ({@link ExternalData}). The file is only parsed as protobuf data; nothing in it is run.
 *
 * <p>Threading: stateless, safe from any thread; blocking (reads the whole file). Every refusal is
 * a {@link FlightdeckException} whose message names the file.
 */
public final class OnnxValidator {
  static final String HINT =
      "Export the model to ONNX (torch.onnx.export, skl2onnx, tf2onnx or Tribuo) and register the"
          + " .onnx file.";

  /** Protobuf cannot hold more; larger models keep their weights as external data. */
  static final long MAX_BYTES = Integer.MAX_VALUE - 8L;

  private OnnxValidator() {}

  /**
   * A model that passed every check, with its signature as read from the file (feature names and
   * labels only from the model's metadata, see {@link ProtoSignatures}).
   */
  public record Checked(Path file, OnnxMl.ModelProto model, ModelSignature signature) {}

  /**
   * @throws FlightdeckException naming the file and why it is refused
   */
  public static Checked check(Path file) {
    byte[] bytes = read(file);
    String kind = foreignFormat(bytes);
    if (kind != null) {
      throw new FlightdeckException(file + " " + kind, HINT);
    }
    OnnxMl.ModelProto model;
    try {
      model = OnnxMl.ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new FlightdeckException(
          file
              + " is not a valid ONNX model: it is truncated or corrupted ("
              + e.getMessage()
              + ").",
          HINT,
          e);
    }
    if (model.getIrVersion() <= 0) {
      throw new FlightdeckException(
          file + " is not a complete ONNX model: its ir_version is 0 (missing or truncated).",
          HINT);
    }
    if (!model.hasGraph()) {
      throw new FlightdeckException(file + " is not a complete ONNX model: it has no graph.", HINT);
    }
    OnnxMl.GraphProto graph = model.getGraph();
    Set<String> initializers = new HashSet<>();
    graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
    if (graph.getInputList().stream().allMatch(i -> initializers.contains(i.getName()))) {
      throw new FlightdeckException(
          file + " has no graph inputs: a model for Flightdeck takes a feature tensor.", HINT);
    }
    if (graph.getOutputCount() == 0) {
      throw new FlightdeckException(file + " has no graph outputs.", HINT);
    }
    ExternalData.check(file, model);
    return new Checked(file, model, ProtoSignatures.read(model));
  }

  private static byte[] read(Path file) {
    if (Files.isDirectory(file)) {
      throw new FlightdeckException(file + " is a folder, not an ONNX model file.", HINT);
    }
    try {
      if (!Files.exists(file)) {
        throw new FlightdeckException(file + " does not exist.", "Check the file name.");
      }
      if (!Files.isRegularFile(file)) {
        throw new FlightdeckException(file + " is not a regular file.", HINT);
      }
      long size = Files.size(file);
      if (size == 0) {
        throw new FlightdeckException(file + " is empty: it is not an ONNX model.", HINT);
      }
      if (size > MAX_BYTES) {
        throw new FlightdeckException(
            file
                + " is larger than 2 GB; an ONNX model that big must keep its weights as external"
                + " data next to it.",
            "Save it with onnx.save(..., save_as_external_data=True) and register the .onnx file.");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot read " + file + ": " + e.getMessage(), "Check that the file exists.", e);
    }
  }

  /**
   * Recognises formats that are not ONNX by their first bytes.
   *
   * @return "is a ..." sentence (without the file name), or null when it may be ONNX
   */
  static String foreignFormat(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xff) == 0x80 && b[1] >= 2 && b[1] <= 5) {
      return PICKLE;
    }
    String head = new String(b, 0, Math.min(b.length, 16), StandardCharsets.ISO_8859_1);
    for (String textPickle : TEXT_PICKLES) {
      if (head.startsWith(textPickle)) {
        return PICKLE;
      }
    }
    if (head.startsWith("PK\u0003\u0004") || head.startsWith("PK\u0005\u0006")) {
      String all = new String(b, StandardCharsets.ISO_8859_1);
      if (all.contains("data.pkl")) {
        return "is a zip archive holding a Python pickle (a PyTorch .pt/.pth checkpoint), which runs"
            + " code when loaded; only ONNX models are accepted.";
      }
      if (all.contains("model.weights.h5") || all.contains("keras")) {
        return "is a zip archive (a Keras .keras model); only ONNX models are accepted.";
      }
      return "is a zip archive (a PyTorch .pt, a Keras file or a packaged model?); only plain ONNX"
          + " model files are accepted.";
    }
    if (head.startsWith("\u0089HDF\r\n\u001a\n")) {
      return "is an HDF5 file (a Keras .h5 model?); only ONNX models are accepted.";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
      return "is gzip-compressed; only uncompressed ONNX models are accepted.";
    }
    if (head.startsWith("\u0093NUMPY")) {
      return "is a NumPy array file; only ONNX models are accepted.";
    }
    return null;
  }

  private static final String PICKLE =
      "is a Python pickle, which runs code when loaded; only ONNX models are accepted.";
  // pickle protocols 0 and 1 are text: a dict, a list, or a global (class) reference
  private static final String[] TEXT_PICKLES = {
    "(dp0", "(lp0", "(dp1", "(lp1", "ccopy_reg\n", "c__builtin__\n", "c__main__\n", "cnumpy"
  };
}
