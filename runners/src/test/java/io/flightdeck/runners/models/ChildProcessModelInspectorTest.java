package io.flightdeck.runners.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelInspection;
import io.flightdeck.core.registry.TensorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The inspector against the real agent in a child JVM (the agent is on the test class path). */
class ChildProcessModelInspectorTest {
  @TempDir static Path tmp;
  static Path model;
  static Path sidecar;
  static final ChildProcessModelInspector INSPECTOR = ChildProcessModelInspector.fromCurrentJvm();

  @BeforeAll
  static void trainAndExport() throws Exception {
    LabelFactory f = new LabelFactory();
    MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("gen", f), f);
    Random r = new Random(3);
    String[] names = {"f0", "f1", "f2"};
    for (int i = 0; i < 300; i++) {
      double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      ds.add(new ArrayExample<>(new Label(x[0] - x[2] > 0 ? "churn" : "stay"), names, x));
    }
    var trained =
        new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.1, 0.1), 3, 3L)
            .train(ds);
    Path dir = Files.createDirectories(tmp.resolve("good"));
    model = dir.resolve("model.onnx");
    ((ONNXExportable) trained).saveONNXModel("io.flightdeck.test", 1, model);
    String l0 = trained.getOutputIDInfo().getOutput(0).getLabel();
    String l1 = trained.getOutputIDInfo().getOutput(1).getLabel();
    sidecar =
        Files.writeString(
            dir.resolve("model.json"),
            "{\"task\":\"classification\",\"features\":[\"f0\",\"f1\",\"f2\"],\"labels\":[\""
                + l0
                + "\",\""
                + l1
                + "\"]}");
  }

  @Test
  void acceptsAGoodModelAndReadsItsSignature() {
    ModelInspection i = INSPECTOR.inspect(model, sidecar);
    assertThat(i.task()).isEqualTo("classification");
    assertThat(i.sampleOutput()).startsWith("probabilities [");
    assertThat(i.signature().inputs())
        .containsExactly(new TensorSpec("input", "float", List.of(-1L, 3L)));
    assertThat(i.signature().outputs())
        .containsExactly(new TensorSpec("output", "float", List.of(-1L, 2L)));
    assertThat(i.signature().featureNames()).containsExactly("f0", "f1", "f2");
    assertThat(i.signature().labels()).containsExactlyInAnyOrder("churn", "stay");
    assertThat(i.signature().producer()).isEqualTo("Tribuo");
    assertThat(i.signature().opset()).isPositive();

    ModelInspection bare = INSPECTOR.inspect(model, null);
    assertThat(bare.task()).isEqualTo("classification");
    assertThat(bare.signature().featureNames()).isEmpty();
  }

  @Test
  void refusesBadFilesWithTheirReasons() throws Exception {
    byte[] good = Files.readAllBytes(model);
    assertRefused(
        Files.write(tmp.resolve("pickle.onnx"), new byte[] {(byte) 0x80, 0x04, (byte) 0x95, 0}),
        "is a Python pickle, which runs code when loaded");
    assertRefused(
        Files.write(tmp.resolve("half.onnx"), Arrays.copyOf(good, good.length / 2)),
        "truncated or corrupted");
    assertRefused(
        Files.write(tmp.resolve("zip.onnx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}),
        "is a zip archive");

    Path dir = Files.createDirectories(tmp.resolve("ext/models"));
    Files.write(dir.getParent().resolve("secret.bin"), new byte[8]);
    assertRefused(
        write(dir.resolve("m.onnx"), externalModel("../secret.bin")),
        "tensor 'W' has location '../secret.bin'");
    assertRefused(tmp.resolve("good"), "is a folder");
  }

  @Test
  void aChildThatDiesIsACleanRefusal() throws Exception {
    ChildProcessModelInspector segv =
        new ChildProcessModelInspector(
            List.of("sh", "-c", "kill -SEGV $$", "sh"), Duration.ofSeconds(20));
    assertThatThrownBy(() -> segv.inspect(model, null))
        .isInstanceOf(FlightdeckException.class)
        .hasMessage(
            "ONNX Runtime crashed while loading "
                + model.toAbsolutePath()
                + " (exit code 139); the file is refused.")
        .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("signal 11"));

    ChildProcessModelInspector silent =
        new ChildProcessModelInspector(
            List.of("sh", "-c", "echo '{half a line'; echo oops >&2; exit 1", "sh"),
            Duration.ofSeconds(20));
    assertThatThrownBy(() -> silent.inspect(model, null))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("crashed while loading " + model.toAbsolutePath() + " (exit code 1)")
        .hasRootCauseMessage("inspector's last output: oops");

    ChildProcessModelInspector nothing =
        new ChildProcessModelInspector(List.of("sh", "-c", "exit 0", "sh"), Duration.ofSeconds(20));
    assertThatThrownBy(() -> nothing.inspect(model, null))
        .hasMessageContaining("(exit code 0); the file is refused");
  }

  @Test
  void aChildThatHangsIsKilledAtTheTimeout() {
    ChildProcessModelInspector hang =
        new ChildProcessModelInspector(
            List.of("sh", "-c", "exec sleep 60", "sh"), Duration.ofMillis(500));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> hang.inspect(model, null))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("Inspecting " + model.toAbsolutePath() + " took longer than 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void aMissingJavaIsNamed() {
    ChildProcessModelInspector none =
        new ChildProcessModelInspector(tmp.resolve("no-such-java"), "", Duration.ofSeconds(5));
    assertThatThrownBy(() -> none.inspect(model, null))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("Cannot start the model inspector for " + model.toAbsolutePath());
  }

  private static void assertRefused(Path file, String reason) {
    assertThatThrownBy(() -> INSPECTOR.inspect(file, null))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining(reason)
        .hasMessageNotContaining("crashed");
  }

  private static Path write(Path file, OnnxMl.ModelProto m) throws Exception {
    return Files.write(file, m.toByteArray());
  }

  /** Y = X · W with W [2, 1] read from {@code location}. */
  private static OnnxMl.ModelProto externalModel(String location) {
    OnnxMl.TensorProto w =
        OnnxMl.TensorProto.newBuilder()
            .setName("W")
            .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
            .addDims(2)
            .addDims(1)
            .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
            .addExternalData(
                OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue(location))
            .build();
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(8)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13))
        .setGraph(
            OnnxMl.GraphProto.newBuilder()
                .setName("g")
                .addNode(
                    OnnxMl.NodeProto.newBuilder()
                        .setOpType("MatMul")
                        .addInput("X")
                        .addInput("W")
                        .addOutput("Y"))
                .addInitializer(w)
                .addInput(value("X", 2))
                .addOutput(value("Y", 1)))
        .build();
  }

  private static OnnxMl.ValueInfoProto value(String name, long width) {
    OnnxMl.TensorShapeProto.Builder shape =
        OnnxMl.TensorShapeProto.newBuilder()
            .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
            .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width));
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape)))
        .build();
  }
}
