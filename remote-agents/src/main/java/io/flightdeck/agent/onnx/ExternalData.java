package io.flightdeck.agent.onnx;

import ai.onnx.proto.OnnxMl;
import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks every tensor that keeps its data outside the model file (initializers, sparse
 * initializers, attribute tensors, in subgraphs, functions and training graphs): its {@code
 * location} must be a plain relative path to an existing regular file inside the model's folder,
 * not a link, with {@code offset}/{@code length} inside that file. ONNX Runtime would otherwise
 * read any file the user can read ({@code ../secret.bin}, {@code /etc/passwd}).
 *
 * <p>Stateless; blocking (checks files).
 */
final class ExternalData {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
  private static final String HINT =
      "Keep external data files in the model's own folder under a relative name (onnx.save with"
          + " save_as_external_data=True and location='weights.bin'), or save the weights inside"
          + " the model.";

  private final Path file;
  private final Path folder;

  private ExternalData(Path file) {
    this.file = file;
    this.folder = file.toAbsolutePath().normalize().getParent();
  }

  static void check(Path file, OnnxMl.ModelProto model) {
    ExternalData c = new ExternalData(file);
    c.graph(model.getGraph());
    for (OnnxMl.FunctionProto f : model.getFunctionsList()) {
      f.getNodeList().forEach(c::node);
      f.getAttributeProtoList().forEach(c::attribute);
    }
    for (OnnxMl.TrainingInfoProto t : model.getTrainingInfoList()) {
      c.graph(t.getInitialization());
      c.graph(t.getAlgorithm());
    }
  }

  private void graph(OnnxMl.GraphProto g) {
    g.getInitializerList().forEach(this::tensor);
    for (OnnxMl.SparseTensorProto s : g.getSparseInitializerList()) {
      sparse(s);
    }
    g.getNodeList().forEach(this::node);
  }

  private void node(OnnxMl.NodeProto n) {
    n.getAttributeList().forEach(this::attribute);
  }

  private void attribute(OnnxMl.AttributeProto a) {
    if (a.hasT()) {
      tensor(a.getT());
    }
    a.getTensorsList().forEach(this::tensor);
    if (a.hasSparseTensor()) {
      sparse(a.getSparseTensor());
    }
    a.getSparseTensorsList().forEach(this::sparse);
    if (a.hasG()) {
      graph(a.getG());
    }
    a.getGraphsList().forEach(this::graph);
  }

  private void sparse(OnnxMl.SparseTensorProto s) {
    tensor(s.getValues());
    tensor(s.getIndices());
  }

  private void tensor(OnnxMl.TensorProto t) {
    if (t.getDataLocation() != OnnxMl.TensorProto.DataLocation.EXTERNAL
        && t.getExternalDataCount() == 0) {
      return;
    }
    String location = null;
    String offset = "0";
    String length = null;
    for (OnnxMl.StringStringEntryProto e : t.getExternalDataList()) {
      switch (e.getKey()) {
        case "location" -> location = e.getValue();
        case "offset" -> offset = e.getValue();
        case "length" -> length = e.getValue();
        default -> {}
      }
    }
    if (location == null || location.isEmpty()) {
      throw refused(t, "", "it has external data without a location");
    }
    String why = unsafe(location);
    if (why != null) {
      throw refused(t, location, why);
    }
    Path target = folder.resolve(location).normalize();
    if (!target.startsWith(folder)) {
      throw refused(t, location, "it leaves the model's folder");
    }
    if (Files.isSymbolicLink(target)) {
      throw refused(t, location, "it is a symbolic link");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(t, location, "the file does not exist next to the model");
    }
    long size;
    try {
      if (!target.toRealPath().startsWith(folder.toRealPath())) {
        throw refused(t, location, "it resolves outside the model's folder through a link");
      }
      if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        throw refused(t, location, "it is not a regular file");
      }
      size = Files.size(target);
    } catch (IOException e) {
      throw refused(t, location, "it cannot be read (" + e.getMessage() + ")");
    }
    long off = number(t, location, "offset", offset);
    long len = length == null ? size - off : number(t, location, "length", length);
    if (off > size || len > size - off) {
      throw refused(
          t,
          location,
          "offset " + off + " and length " + len + " lie beyond its " + size + " bytes");
    }
  }

  /** Why a location is refused before it is resolved, or null. */
  static String unsafe(String location) {
    if (location.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      return "it contains a control character";
    }
    if (location.contains("_ORT_MEM_ADDR_") || location.indexOf('*') >= 0) {
      return "it uses ONNX Runtime's in-memory address marker";
    }
    if (location.indexOf('\\') >= 0) {
      return "it contains a backslash";
    }
    if (location.indexOf('%') >= 0) {
      return "it contains %-encoding";
    }
    if (location.startsWith("/") || DRIVE.matcher(location).matches()) {
      return "it is an absolute path";
    }
    if (location.indexOf(':') >= 0) {
      return "it contains a colon (a drive or an alternate data stream)";
    }
    if (location.startsWith("~")) {
      return "it starts with ~ (a home folder)";
    }
    for (String segment : location.split("/", -1)) {
      if (segment.equals("..")) {
        return "it leaves the model's folder (..)";
      }
    }
    return null;
  }

  private long number(OnnxMl.TensorProto t, String location, String key, String value) {
    try {
      long v = Long.parseLong(value.trim());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw refused(t, location, "its " + key + " '" + value + "' is not a whole number >= 0");
    }
  }

  private FlightdeckException refused(OnnxMl.TensorProto t, String location, String why) {
    return new FlightdeckException(
        file
            + " refers to external data that is refused: tensor '"
            + t.getName()
            + "' has location '"
            + location
            + "' and "
            + why
            + "; external data must be a plain file inside the model's folder.",
        HINT);
  }
}
