package io.flightdeck.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelLineage;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.registry.RegistryVerification;
import io.flightdeck.core.tracking.RunArtifact;
import io.flightdeck.core.tracking.RunInfo;
import io.flightdeck.core.tracking.RunInput;
import io.flightdeck.core.tracking.TrackingService;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hash checks on every read, "verify registry", MLflow directories and run registration. */
class RegistryIntegrityTest {
  @TempDir Path tmp;
  private RegistryFixture fx;
  private RegistryService reg;

  @BeforeEach
  void open() {
    fx = new RegistryFixture(tmp.resolve("ws"));
    reg = fx.registry;
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private ModelVersion register(String salt) throws Exception {
    return reg.registerFile(
        FakeInspector.model(tmp.resolve("in-" + salt), "m.onnx", salt), "iris", "");
  }

  /** Changes one byte of the stored file of {@code v}, as someone editing the store would. */
  private Path tamper(ModelVersion v) throws Exception {
    Path file = fx.ws.artifacts().pathOf(v.sha256());
    assertThat(file.toFile().setWritable(true)).isTrue();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);
    return file;
  }

  @Test
  void checkedCopyGivesTheBytesAndRefusesATamperedFileNamingBothHashes() throws Exception {
    ModelVersion v = register("a");
    ModelVersion other = register("b");
    Path copy = reg.checkedCopy(v, tmp.resolve("out"));
    assertThat(copy.getFileName().toString()).isEqualTo("iris-v1.onnx");
    assertThat(Files.readAllBytes(copy))
        .isEqualTo(Files.readAllBytes(fx.ws.artifacts().pathOf(v.sha256())));
    assertThat(reg.verify()).isEqualTo(new RegistryVerification(2, List.of()));
    assertThat(reg.consistent()).isTrue();

    Path file = tamper(v);
    String actual = io.flightdeck.store.FileArtifactStore.hashOf(file);
    assertThatThrownBy(() -> reg.checkedCopy(v, tmp.resolve("out2")))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(v.sha256())
        .hasMessageContaining(actual);
    try (var s = Files.list(tmp.resolve("out2"))) {
      assertThat(s).as("nothing is left from a refused copy").isEmpty();
    }
    assertThatThrownBy(() -> reg.exportMlflow("iris", 1, tmp.resolve("mlflow")))
        .hasMessageContaining(v.sha256())
        .hasMessageContaining(actual);
    assertThat(tmp.resolve("mlflow")).doesNotExist();

    RegistryVerification r = reg.verify();
    assertThat(r.checked()).isEqualTo(2);
    assertThat(r.problems())
        .containsExactly(
            new RegistryVerification.Problem("iris", 1, file.toString(), v.sha256(), actual));
    assertThat(reg.consistent()).isFalse();
    assertThat(reg.checkedCopy(other, tmp.resolve("out3"))).exists();

    Files.delete(file);
    assertThat(reg.verify().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.actual()).isEqualTo("missing"));
    assertThatThrownBy(() -> reg.checkedCopy(v, tmp.resolve("out4")))
        .hasMessageContaining("missing");
  }

  @Test
  void mlflowExportThenImportKeepsTheModelAndItsSignature() throws Exception {
    ModelVersion v = register("a");
    Path dir = reg.exportMlflow("iris", 1, tmp.resolve("export"));
    String mlmodel = Files.readString(dir.resolve("MLmodel"));
    assertThat(mlmodel)
        .contains("flavors:\n  onnx:\n")
        .contains("    data: model.onnx\n")
        .contains("loader_module: mlflow.onnx")
        .contains("- CPUExecutionProvider")
        .contains(
            "inputs: '[{\"name\":\"input\",\"tensor-spec\":{\"dtype\":\"float32\",\"shape\":[-1,4]},\"type\":\"tensor\"}]'")
        .contains("model_uuid: ")
        .contains("utc_time_created: '2024-03-01 10:00:00.000000'");
    assertThat(Files.readString(dir.resolve("model.json")))
        .contains("\"features\":[\"a\",\"b\",\"c\",\"d\"]");
    assertThat(Files.readAllBytes(dir.resolve("model.onnx")))
        .isEqualTo(Files.readAllBytes(fx.ws.artifacts().pathOf(v.sha256())));
    assertThatThrownBy(() -> reg.exportMlflow("iris", 1, dir)).hasMessageContaining("is not empty");

    ModelVersion back = reg.importMlflow(dir, "iris-copy");
    assertThat(back.sha256()).isEqualTo(v.sha256());
    assertThat(back.signature()).isEqualTo(v.signature());
    assertThat(back.task()).isEqualTo(v.task());
    assertThat(back.source()).isEqualTo("mlflow:export/model.onnx");
    assertThat(fx.inspector.lastSidecar)
        .as("the exported model.json goes to the inspector")
        .isNotNull();
  }

  @Test
  void importReadsTheYamlThatMlflowWritesWithFoldedSignatures() throws Exception {
    Path dir = tmp.resolve("mlflow-model");
    FakeInspector.model(dir, "model.onnx", "z");
    Files.writeString(
        dir.resolve("MLmodel"),
        """
        artifact_path: model
        flavors:
          onnx:
            code: null
            data: model.onnx
            onnx_version: 1.14.1
            providers:
            - CUDAExecutionProvider
            - CPUExecutionProvider
          python_function:
            data: model.onnx
            env:
              conda: conda.yaml
              virtualenv: python_env.yaml
            loader_module: mlflow.onnx
            python_version: 3.10.12
        mlflow_version: 2.9.2
        model_uuid: 1f1e2e3d
        signature:
          inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1,
            4]}, "name": "input"}]'
          outputs: null
          params: null
        utc_time_created: '2023-12-01 10:00:00.000000'
        """);
    assertThat(reg.importMlflow(dir, "from-mlflow").version()).isEqualTo(1);
  }

  @Test
  void anMlflowModelWithoutTheOnnxFlavorIsRefused() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("pickled"));
    Files.write(dir.resolve("model.pkl"), new byte[] {(byte) 0x80, 4});
    Files.writeString(
        dir.resolve("MLmodel"),
        """
        artifact_path: model
        flavors:
          python_function:
            loader_module: mlflow.sklearn
            model_path: model.pkl
            python_version: 3.10.12
          sklearn:
            pickled_model: model.pkl
            serialization_format: cloudpickle
        """);
    assertThatThrownBy(() -> reg.importMlflow(dir, "pickled"))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("no onnx flavor (flavors: python_function, sklearn)")
        .hasMessageContaining("Only ONNX models are accepted");
    assertThat(fx.inspector.calls).hasValue(0);
    assertThat(reg.models()).isEmpty();
  }

  @Test
  void anMlflowDataPathOutsideTheFolderIsRefused() throws Exception {
    FakeInspector.model(tmp, "x.onnx", "a");
    Path dir = Files.createDirectories(tmp.resolve("escape"));
    Files.writeString(dir.resolve("MLmodel"), "flavors:\n  onnx:\n    data: ../x.onnx\n");
    assertThatThrownBy(() -> reg.importMlflow(dir, "escape"))
        .hasMessageContaining("'../x.onnx', which is outside the model directory");
    Files.writeString(
        dir.resolve("MLmodel"), "flavors:\n  onnx:\n    data: " + tmp.resolve("x.onnx") + "\n");
    assertThatThrownBy(() -> reg.importMlflow(dir, "escape"))
        .hasMessageContaining("outside the model directory");
    assertThatThrownBy(() -> reg.importMlflow(tmp.resolve("in-nothing"), "x"))
        .hasMessageContaining("no MLmodel file");
    assertThat(fx.inspector.calls).hasValue(0);
  }

  @Test
  void registeringARunArtifactRecordsTheRunAndItsDatasets() throws Exception {
    TrackingService t = fx.ws.tracking();
    RunInfo run =
        t.startRun(t.defaultExperiment().id(), "train", "local", "builtin:logistic", null);
    Path model = FakeInspector.model(tmp.resolve("run"), "model.onnx", "run");
    String sha;
    try (InputStream in = Files.newInputStream(model)) {
      sha = fx.ws.artifacts().put(in);
    }
    String side;
    try (InputStream in =
        new java.io.ByteArrayInputStream("{\"features\":[]}".getBytes(StandardCharsets.UTF_8))) {
      side = fx.ws.artifacts().put(in);
    }
    var repo = t.repository();
    repo.addArtifact(run.runId(), new RunArtifact("model/model.onnx", sha, Files.size(model)));
    repo.addArtifact(run.runId(), new RunArtifact("model/model.json", side, 15));
    repo.addInput(run.runId(), new RunInput("iris-data", 2, "cd".repeat(32), "training"));

    ModelVersion v = reg.registerRun(run.runId(), null, "iris");
    assertThat(v.runId()).isEqualTo(run.runId());
    assertThat(v.source()).isEqualTo("run:" + run.runId() + "/model/model.onnx");
    assertThat(v.sha256()).isEqualTo(sha);
    assertThat(fx.inspector.lastSidecar).isNotNull();
    ModelLineage lineage = reg.lineage("iris", 1);
    assertThat(lineage.datasets())
        .containsExactly(new RunInput("iris-data", 2, "cd".repeat(32), "training"));
    assertThat(fx.ws.audit().list(io.flightdeck.core.audit.AuditQuery.all()).get(0).detailsJson())
        .contains("iris-data:2@" + "cd".repeat(32));

    assertThatThrownBy(() -> reg.registerRun(run.runId(), "model/other.onnx", "iris"))
        .hasMessageContaining("has no artifact 'model/other.onnx'")
        .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("model/model.onnx"));
    assertThatThrownBy(() -> reg.registerRun("0".repeat(32), null, "iris"))
        .hasMessageContaining("no run");
    tamper(v);
    assertThatThrownBy(() -> reg.registerRun(run.runId(), null, "iris"))
        .hasMessageContaining("altered");
  }
}
