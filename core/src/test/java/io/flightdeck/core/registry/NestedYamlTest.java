package io.flightdeck.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MLmodel reader on what MLflow writes, and what it refuses. */
class NestedYamlTest {
  @TempDir Path tmp;

  private Map<String, Object> read(String text) throws Exception {
    return NestedYaml.read(Files.writeString(tmp.resolve("MLmodel"), text));
  }

  @Test
  void readsNestedMapsListsAndFoldedQuotedValues() throws Exception {
    Map<String, Object> y =
        read(
            """
            artifact_path: model
            flavors:
              onnx:
                data: model.onnx
                providers:
                - CUDAExecutionProvider
                - CPUExecutionProvider
                code: null
            signature:
              inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1,
                4]}, "name": "it''s"}]'
              outputs: "a\\tb"
            empty: {}
            """);
    assertThat(y.get("artifact_path")).isEqualTo("model");
    @SuppressWarnings("unchecked")
    Map<String, Object> onnx =
        (Map<String, Object>) ((Map<String, Object>) y.get("flavors")).get("onnx");
    assertThat(onnx.get("data")).isEqualTo("model.onnx");
    assertThat(onnx.get("providers"))
        .isEqualTo(List.of("CUDAExecutionProvider", "CPUExecutionProvider"));
    assertThat(onnx).containsEntry("code", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> sig = (Map<String, Object>) y.get("signature");
    assertThat(sig.get("inputs"))
        .isEqualTo(
            "[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", \"shape\": [-1, 4]},"
                + " \"name\": \"it's\"}]");
    assertThat(sig.get("outputs")).isEqualTo("a\tb");
    assertThat(y.get("empty")).isEqualTo(Map.of());
  }

  @Test
  void refusesWhatItDoesNotUnderstandNamingTheLine() {
    assertThatThrownBy(() -> read("a: 1\nb: &anchor x\n"))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> read("a: 'open\n")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> read("a:\n    b: 1\n  c: 2\n")).hasMessageContaining("line 3");
  }
}
