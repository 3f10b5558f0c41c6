package io.flightdeck.agent.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelSignature;
import io.flightdeck.core.registry.TensorSpec;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxValidatorTest {
  @TempDir static Path tmp;
  static TestModels.Made<?> logistic;
  static TestModels.Made<?> linear;

  @BeforeAll
  static void models() throws Exception {
    logistic = TestModels.logistic(tmp.resolve("logistic"));
    linear = TestModels.linear(tmp.resolve("linear"));
  }

  @Test
  void acceptsTribuoExportsAndReadsTheirSignature() {
    ModelSignature s = OnnxValidator.check(logistic.onnx()).signature();
    assertThat(s.inputs()).containsExactly(new TensorSpec("input", "float", List.of(-1L, 4L)));
    assertThat(s.outputs()).containsExactly(new TensorSpec("output", "float", List.of(-1L, 2L)));
    assertThat(s.irVersion()).isPositive();
    assertThat(s.opset()).isPositive();
    assertThat(s.producer()).isEqualTo("Tribuo");
    assertThat(s.producerVersion()).isNotEmpty();

    ModelSignature r = OnnxValidator.check(linear.onnx()).signature();
    assertThat(r.outputs()).containsExactly(new TensorSpec("output", "float", List.of(-1L, 1L)));
  }

  @Test
  void readsInitializersOutOfTheInputsAndFeatureNamesFromMetadata() throws Exception {
    OnnxMl.ModelProto.Builder m = TestModels.matMul(TestModels.inlineWeights());
    m.getGraphBuilder().addInput(TestModels.value("W", 1)); // old exporters list initializers
    Path file = TestModels.write(tmp.resolve("inline/m.onnx"), m);
    ModelSignature s = OnnxValidator.check(file).signature();
    assertThat(s.inputs()).extracting(TensorSpec::name).containsExactly("X");
    assertThat(s.featureNames()).containsExactly("a", "b");
    assertThat(s.opset()).isEqualTo(13);
    assertThat(s.irVersion()).isEqualTo(8);
  }

  @Test
  void refusesATruncatedFile() throws Exception {
    byte[] all = Files.readAllBytes(logistic.onnx());
    Path half = Files.write(tmp.resolve("half.onnx"), Arrays.copyOf(all, all.length / 2));
    assertRefused(half, "is not a valid ONNX model: it is truncated or corrupted");
    Path empty = Files.write(tmp.resolve("empty.onnx"), new byte[0]);
    assertRefused(empty, "is empty");
  }

  @Test
  void refusesPicklesInEveryProtocol() throws Exception {
    byte[] binary = {(byte) 0x80, 0x04, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x7d, (byte) 0x94};
    assertRefused(
        Files.write(tmp.resolve("binary-pickle.onnx"), binary),
        "is a Python pickle, which runs code when loaded; only ONNX models are accepted");
    byte[] text = "ccopy_reg\n_reconstructor\np0\n".getBytes(StandardCharsets.US_ASCII);
    assertRefused(Files.write(tmp.resolve("text-pickle.onnx"), text), "is a Python pickle");
    byte[] dict = "(dp0\nVa\np1\nI1\ns.".getBytes(StandardCharsets.US_ASCII);
    assertRefused(Files.write(tmp.resolve("dict-pickle.onnx"), dict), "is a Python pickle");
  }

  @Test
  void refusesZipsNamingPyTorchCheckpoints() throws Exception {
    Path pt = tmp.resolve("model-pt.onnx");
    try (OutputStream out = Files.newOutputStream(pt);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("archive/data.pkl"));
      zip.write(new byte[] {(byte) 0x80, 0x02, '}', '.'});
      zip.closeEntry();
    }
    assertRefused(pt, "is a zip archive holding a Python pickle (a PyTorch");
    Path plain = tmp.resolve("plain-zip.onnx");
    try (OutputStream out = Files.newOutputStream(plain);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("hello".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    assertRefused(plain, "is a zip archive");
  }

  @Test
  void refusesIncompleteModels() throws Exception {
    OnnxMl.ModelProto.Builder noGraph = TestModels.matMul(TestModels.inlineWeights()).clearGraph();
    assertRefused(TestModels.write(tmp.resolve("nograph/m.onnx"), noGraph), "it has no graph");
    OnnxMl.ModelProto.Builder noIr = TestModels.matMul(TestModels.inlineWeights()).clearIrVersion();
    assertRefused(TestModels.write(tmp.resolve("noir/m.onnx"), noIr), "its ir_version is 0");
    OnnxMl.ModelProto.Builder noInputs = TestModels.matMul(TestModels.inlineWeights());
    noInputs.getGraphBuilder().clearInput();
    assertRefused(
        TestModels.write(tmp.resolve("noinputs/m.onnx"), noInputs), "has no graph inputs");
    OnnxMl.ModelProto.Builder noOutputs = TestModels.matMul(TestModels.inlineWeights());
    noOutputs.getGraphBuilder().clearOutput();
    assertRefused(
        TestModels.write(tmp.resolve("nooutputs/m.onnx"), noOutputs), "has no graph outputs");
    assertRefused(tmp.resolve("logistic"), "is a folder");
  }

  @Test
  void acceptsExternalDataInsideTheModelsFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ext-ok"));
    Files.write(dir.resolve("weights.bin"), TestModels.weightBytes());
    Path file =
        TestModels.write(
            dir.resolve("m.onnx"), TestModels.matMul(TestModels.externalWeights("weights.bin")));
    assertThat(OnnxValidator.check(file).signature().inputs()).hasSize(1);
  }

  @Test
  void refusesExternalDataOutsideTheModelsFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ext-bad/models"));
    Files.write(dir.getParent().resolve("secret.bin"), TestModels.weightBytes());
    for (String location :
        List.of(
            "../secret.bin",
            "/etc/passwd",
            "sub/../../secret.bin",
            "..\\secret.bin",
            "%2e%2e/secret.bin",
            "C:/Windows/win.ini")) {
      Path file =
          TestModels.write(
              dir.resolve("m.onnx"), TestModels.matMul(TestModels.externalWeights(location)));
      assertRefused(file, "tensor 'W' has location '" + location + "'");
    }
    Path file =
        TestModels.write(
            dir.resolve("m.onnx"), TestModels.matMul(TestModels.externalWeights("missing.bin")));
    assertRefused(file, "does not exist");
  }

  @Test
  void refusesASymlinkThatPointsOutOfTheFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ext-link/models"));
    Path secret = Files.write(dir.getParent().resolve("secret.bin"), TestModels.weightBytes());
    Files.createSymbolicLink(dir.resolve("weights.bin"), secret);
    Path file =
        TestModels.write(
            dir.resolve("m.onnx"), TestModels.matMul(TestModels.externalWeights("weights.bin")));
    assertRefused(file, "'weights.bin' and it is a symbolic link");
    Files.createSymbolicLink(dir.resolve("sub"), dir.getParent());
    Path viaDir =
        TestModels.write(
            dir.resolve("m.onnx"), TestModels.matMul(TestModels.externalWeights("sub/secret.bin")));
    assertRefused(viaDir, "resolves outside the model's folder through a link");
  }

  @Test
  void findsExternalDataInSubgraphs() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ext-sub"));
    OnnxMl.GraphProto branch =
        OnnxMl.GraphProto.newBuilder()
            .setName("then")
            .addInitializer(TestModels.externalWeights("../secret.bin"))
            .addOutput(TestModels.value("W", 1))
            .build();
    OnnxMl.ModelProto.Builder m = TestModels.matMul(TestModels.inlineWeights());
    m.getGraphBuilder()
        .addNode(
            OnnxMl.NodeProto.newBuilder()
                .setOpType("If")
                .addInput("cond")
                .addOutput("Z")
                .addAttribute(
                    OnnxMl.AttributeProto.newBuilder()
                        .setName("then_branch")
                        .setType(OnnxMl.AttributeProto.AttributeType.GRAPH)
                        .setG(branch)));
    assertRefused(TestModels.write(dir.resolve("m.onnx"), m), "has location '../secret.bin'");
  }

  @Test
  void locationRulesNameTheReason() {
    assertThat(ExternalData.unsafe("w.bin")).isNull();
    assertThat(ExternalData.unsafe("sub/w.bin")).isNull();
    assertThat(ExternalData.unsafe("../w.bin")).contains("leaves the model's folder");
    assertThat(ExternalData.unsafe("/etc/passwd")).contains("absolute");
    assertThat(ExternalData.unsafe("D:w.bin")).contains("absolute");
    assertThat(ExternalData.unsafe("a\\b")).contains("backslash");
    assertThat(ExternalData.unsafe("%2e%2e/x")).contains("%-encoding");
    assertThat(ExternalData.unsafe("~/x")).contains("~");
    assertThat(ExternalData.unsafe("*/_ORT_MEM_ADDR_/*")).contains("in-memory address");
    assertThat(ExternalData.unsafe("w.bin:stream")).contains("colon");
    assertThat(ExternalData.unsafe("w\0.bin")).contains("control character");
  }

  private static void assertRefused(Path file, String reason) {
    assertThatThrownBy(() -> OnnxValidator.check(file))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(reason);
  }
}
