package io.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry from the command line, end to end on real parts: two Tribuo runs on the sample
 * through the local agent, real ONNX files inspected in a child JVM, ONNX Runtime scoring, a real
 * H2 workspace and artifact store.
 */
class ModelsCommandsTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--workspace";
    all[1] = tmp.resolve("ws").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code =
        FlightdeckCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    return new Result(code, out.toString(), err.toString());
  }

  private static JsonNode json(String s) throws IOException {
    return Json.mapper().readTree(s);
  }

  private String train(String... params) throws IOException {
    String[] args = new String[8 + params.length * 2];
    int i = 0;
    for (String a :
        new String[] {
          "train",
          "--dataset",
          "seattle-weather:1",
          "--target",
          "weather",
          "--experiment",
          "weather",
          "--param"
        }) {
      args[i++] = a;
    }
    args[i++] = params[0];
    for (int p = 1; p < params.length; p++) {
      args[i++] = "--param";
      args[i++] = params[p];
    }
    Result r = run(java.util.Arrays.copyOf(args, i));
    assertThat(r.code()).as(r.all()).isZero();
    JsonNode runs = json(run("runs", "list", "--json").out());
    return runs.get(0).get("runId").asText();
  }

  @Test
  void trainRegisterEvaluatePromoteRollBackAndVerify() throws IOException {
    assertThat(run("datasets", "sample").code()).isZero();
    String run1 = train("epochs=3");
    Result reg1 = run("models", "register", run1, "--name", "weather");
    assertThat(reg1.code()).as(reg1.all()).isZero();
    assertThat(reg1.out()).contains("Registered weather:1 (classification");

    Result ev1 =
        run(
            "models",
            "evaluate",
            "weather:1",
            "--dataset",
            "seattle-weather:1",
            "--group",
            "weather",
            "--json");
    assertThat(ev1.code()).as(ev1.all()).isZero();
    JsonNode e1 = json(ev1.out());
    assertThat(e1.get("metrics").get("accuracy").asDouble()).isBetween(0.3, 1.0);
    assertThat(e1.get("detail").get("confusion")).isNotNull();
    // the provider is reported with every scoring job: the CPU here, with why not CUDA
    assertThat(e1.get("detail").get("provider").asText()).startsWith("CPU (");
    long eval1 = e1.get("evaluation").asLong();

    Result champ =
        run(
            "models",
            "alias",
            "weather",
            "champion",
            "1",
            "--reason",
            "first model",
            "--evidence",
            "evaluation:" + eval1);
    assertThat(champ.code()).as(champ.all()).isZero();

    String run2 = train("epochs=6", "learningRate=0.05");
    assertThat(run("models", "register", run2, "--name", "weather").out()).contains("weather:2");
    Result ev2 = run("models", "evaluate", "weather:2", "--dataset", "seattle-weather:1", "--json");
    long eval2 = json(ev2.out()).get("evaluation").asLong();
    assertThat(run("models", "alias", "weather", "challenger", "2", "--reason", "trial").code())
        .isZero();
    Instant beforePromotion = Instant.now();
    Result promote =
        run(
            "models",
            "alias",
            "weather",
            "champion",
            "2",
            "--reason",
            "better loss",
            "--evidence",
            "evaluation:" + eval2);
    assertThat(promote.code()).as(promote.all()).isZero();
    assertThat(promote.out()).contains("v1 -> v2");
    Result back =
        run("models", "rollback", "weather", "champion", "--reason", "regression in production");
    assertThat(back.code()).as(back.all()).isZero();
    assertThat(back.out()).contains("v2 -> v1").contains("[rollback]");

    JsonNode history = json(run("models", "history", "weather", "champion", "--json").out());
    assertThat(history).hasSize(3);
    assertThat(history.get(2).get("rollback").asBoolean()).isTrue();
    assertThat(history.get(1).get("evidence").asText()).isEqualTo("evaluation:" + eval2);
    assertThat(
            run("models", "history", "weather", "champion", "--at", beforePromotion.toString())
                .out())
        .contains("weather:1 held 'champion'");
    JsonNode list = json(run("models", "list", "--json").out());
    assertThat(list.get(0).get("aliases").get("champion").asInt()).isEqualTo(1);
    assertThat(list.get(0).get("aliases").get("challenger").asInt()).isEqualTo(2);
    assertThat(run("audit", "list").out()).contains("model.registered").contains("model.alias");
    assertThat(run("audit", "verify").code()).isZero();

    // scoring writes a new dataset version whose lineage names both
    Result score = run("models", "score", "weather:champion", "--dataset", "seattle-weather:1");
    assertThat(score.code()).as(score.all()).isZero();
    assertThat(score.out())
        .contains("weather:1")
        .contains("seattle-weather:1")
        .contains("with ONNX Runtime on CPU (");

    Result verify = run("models", "verify");
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).contains("consistent: 2 artifacts");

    // tamper with one byte of the stored artifact of v1
    String sha = list.get(0).get("versions").get(0).get("sha256").asText();
    Path stored;
    try (var ws =
        io.flightdeck.store.LocalWorkspace.open(
            tmp.resolve("ws"), java.time.Clock.systemUTC(), () -> "t")) {
      stored = ws.artifacts().pathOf(sha);
    }
    stored.toFile().setWritable(true);
    byte[] bytes = Files.readAllBytes(stored);
    bytes[bytes.length / 2] ^= 1;
    Files.write(stored, bytes);
    Result bad = run("models", "verify");
    assertThat(bad.code()).isEqualTo(ModelsCommand.EXIT_INCONSISTENT);
    assertThat(bad.out()).contains("weather:1").contains(sha);
    Result evalBad = run("models", "evaluate", "weather:1", "--dataset", "seattle-weather:1");
    assertThat(evalBad.code()).isEqualTo(1);
    assertThat(evalBad.err()).contains(sha);
    Result exportBad =
        run("models", "export", "weather:1", "--out", tmp.resolve("mlmodel").toString());
    assertThat(exportBad.code()).isEqualTo(1);
    assertThat(exportBad.err()).contains(sha);
  }

  @Test
  void refusesWhatIsNotAPlainOnnxModel() throws Exception {
    Path pickle = tmp.resolve("model.onnx");
    Files.write(
        pickle,
        new byte[] {
          (byte) 0x80, 0x04, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x7d, (byte) 0x94, 0x2e
        });
    Result p = run("models", "register", pickle.toString(), "--name", "m");
    assertThat(p.code()).isEqualTo(1);
    assertThat(p.err()).contains("pickle");

    Path ext = tmp.resolve("ext/model.onnx");
    Files.createDirectories(ext.getParent());
    Files.write(ext, externalDataModel("../secret.bin").toByteArray());
    Result e = run("models", "register", ext.toString(), "--name", "m");
    assertThat(e.code()).isEqualTo(1);
    assertThat(e.err()).contains("../secret.bin");

    Path truncated = tmp.resolve("trunc.onnx");
    byte[] full = externalDataModel("w.bin").toByteArray();
    Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 2));
    Result t = run("models", "register", truncated.toString(), "--name", "m");
    assertThat(t.code()).isEqualTo(1);
    assertThat(t.err()).contains("trunc.onnx");

    assertThat(json(run("models", "list", "--json").out())).isEmpty();
    Result alias = run("models", "alias", "m", "latest", "1", "--reason", "x");
    assertThat(alias.code()).isEqualTo(1);
  }

  @Test
  void aliasRulesAndInputMismatchAreExplained() throws IOException {
    assertThat(run("datasets", "sample").code()).isZero();
    String run1 = train("epochs=2");
    assertThat(run("models", "register", run1, "--name", "weather").code()).isZero();
    for (String bad : new String[] {"latest", "v3", "V12", "bad alias", "x/y"}) {
      Result r = run("models", "alias", "weather", bad, "1", "--reason", "x");
      assertThat(r.code()).as(bad).isEqualTo(1);
      assertThat(r.err()).as(bad).contains("'" + bad + "'");
    }
    assertThat(run("models", "alias", "weather", "champion", "1", "--reason", " ").err())
        .contains("reason");

    // a dataset without the model's feature columns: named precisely, with the fix
    Path csv = tmp.resolve("other.csv");
    Files.writeString(csv, "a,b,weather\n1,2,sun\n3,4,rain\n5,6,sun\n");
    assertThat(
            run("datasets", "import", csv.toString(), "--name", "other", "--target", "weather")
                .code())
        .isZero();
    Result mismatch = run("models", "evaluate", "weather:1", "--dataset", "other:1");
    assertThat(mismatch.code()).isEqualTo(1);
    assertThat(mismatch.err()).contains("precipitation").contains("--map");
    Result mapped =
        run(
            "models",
            "evaluate",
            "weather:1",
            "--dataset",
            "other:1",
            "--map",
            "precipitation=a",
            "--map",
            "temp_max=b",
            "--map",
            "temp_min=a",
            "--map",
            "wind=b");
    assertThat(mapped.code()).as(mapped.all()).isZero();
  }

  /** Y = X·W with W stored in an external file at {@code location}. */
  private static OnnxMl.ModelProto externalDataModel(String location) {
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
    OnnxMl.ValueInfoProto x = value("X", 2);
    OnnxMl.ValueInfoProto y = value("Y", 1);
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("test")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
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
                .addInput(x)
                .addOutput(y))
        .build();
  }

  private static OnnxMl.ValueInfoProto value(String name, long width) {
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            OnnxMl.TypeProto.newBuilder()
                .setTensorType(
                    OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(
                            OnnxMl.TensorShapeProto.newBuilder()
                                .addDim(
                                    OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                                .addDim(
                                    OnnxMl.TensorShapeProto.Dimension.newBuilder()
                                        .setDimValue(width)))))
        .build();
  }
}
