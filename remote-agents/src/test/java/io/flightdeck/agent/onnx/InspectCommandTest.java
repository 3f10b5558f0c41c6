package io.flightdeck.agent.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir static Path tmp;
  static TestModels.Made<?> logistic;
  static TestModels.Made<?> linear;

  @BeforeAll
  static void models() throws Exception {
    logistic = TestModels.logistic(tmp.resolve("logistic"));
    linear = TestModels.linear(tmp.resolve("linear"));
  }

  record Run(int code, Map<String, Object> line) {}

  static Run run(Path file, Path sidecar) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = InspectCommand.run(file, sidecar, out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n").doesNotContain("\n{");
    return new Run(code, Json.readObject(text.strip()));
  }

  @Test
  void describesAClassifierWithItsSidecar() throws Exception {
    Run r = run(logistic.onnx(), logistic.sidecar());
    assertThat(r.code()).isZero();
    assertThat(r.line()).containsEntry("task", "classification");
    assertThat((String) r.line().get("sampleOutput"))
        .startsWith("probabilities [0.")
        .contains("for [");
    @SuppressWarnings("unchecked")
    Map<String, Object> sig = (Map<String, Object>) r.line().get("signature");
    assertThat(sig).containsEntry("featureNames", List.of("f0", "f1", "f2", "f3"));
    assertThat(sig).containsEntry("labels", logistic.labels());
    assertThat(sig).containsEntry("producer", "Tribuo");
    assertThat(sig.get("inputs"))
        .isEqualTo(
            List.of(Map.of("name", "input", "elementType", "float", "shape", List.of(-1, 4))));
  }

  @Test
  void guessesTheTaskFromTheOutputsWithoutASidecar() throws Exception {
    assertThat(run(logistic.onnx(), null).line()).containsEntry("task", "classification");
    Run r = run(linear.onnx(), null);
    assertThat(r.line()).containsEntry("task", "regression");
    assertThat((String) r.line().get("sampleOutput")).startsWith("value ");
  }

  @Test
  void refusesBadFilesWithAJsonErrorAndExitCode3() throws Exception {
    Path pickle =
        Files.write(tmp.resolve("p.onnx"), new byte[] {(byte) 0x80, 0x04, (byte) 0x95, 0, 0});
    Run r = run(pickle, null);
    assertThat(r.code()).isEqualTo(InspectCommand.REFUSED);
    assertThat((String) r.line().get("error"))
        .contains(pickle.toString())
        .contains("Python pickle");
    assertThat((String) r.line().get("hint")).isNotEmpty();

    Path wrongSidecar = Files.writeString(tmp.resolve("wrong.json"), "{\"features\":[\"a\"]}");
    Run mismatch = run(logistic.onnx(), wrongSidecar);
    assertThat(mismatch.code()).isEqualTo(InspectCommand.REFUSED);
    assertThat((String) mismatch.line().get("error"))
        .contains("takes 4 features but its description names 1");

    Path broken = Files.writeString(tmp.resolve("broken.json"), "{not json");
    assertThat((String) run(logistic.onnx(), broken).line().get("error"))
        .contains("Cannot read the model description " + broken);

    Path classifier = Files.writeString(tmp.resolve("cls.json"), "{\"task\":\"classification\"}");
    assertThat((String) run(linear.onnx(), classifier).line().get("error"))
        .contains("is described as classification but has no float probability output");
  }

  @Test
  void loadsExternalDataFromTheModelsFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ext"));
    Files.write(dir.resolve("weights.bin"), TestModels.weightBytes());
    Path file =
        TestModels.write(
            dir.resolve("m.onnx"), TestModels.matMul(TestModels.externalWeights("weights.bin")));
    Run r = run(file, null);
    assertThat(r.code()).isZero();
    // a row of 0.5: 0.5 * 2 + 0.5 * 3
    assertThat(r.line())
        .containsEntry("task", "regression")
        .containsEntry("sampleOutput", "value 2.5");
  }
}
