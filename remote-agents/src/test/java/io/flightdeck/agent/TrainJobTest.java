package io.flightdeck.agent;

import static io.flightdeck.agent.Jobs.ended;
import static io.flightdeck.agent.Jobs.kind;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.agent.AgentEvent;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.json.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainJobTest {
  @TempDir static Path tmp;
  static Path csv;

  @BeforeAll
  static void sample() throws Exception {
    csv = tmp.resolve("seattle-weather.csv");
    try (InputStream in = SampleData.open(SampleData.FILES.get(0))) {
      Files.copy(in, csv);
    }
  }

  private static Map<String, Object> spec(String model, String target, List<String> features) {
    return Map.of(
        "kind",
        "train",
        "data",
        csv.toString(),
        "target",
        target,
        "features",
        features,
        "model",
        model,
        "params",
        Map.of("epochs", "5", "learningRate", "0.1", "seed", "7", "validationFraction", "0.25"));
  }

  @Test
  void logisticRegressionReportsEpochsEvaluationAndAMatchingOnnxModel() throws Exception {
    List<AgentEvent> events =
        Jobs.supervise(
            tmp,
            spec("logistic", "weather", List.of("wind", "precipitation", "temp_max", "temp_min")));

    assertThat(ended(events).text("status", "")).as(ended(events).toString()).isEqualTo("FINISHED");
    assertThat(events.get(0).kind()).isEqualTo("started");
    List<AgentEvent> loss = metrics(events, "train/loss");
    assertThat(loss).extracting(e -> e.number("step", -1)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(loss).allMatch(e -> e.value("value") > 0);
    assertThat(loss.get(4).value("value")).isLessThan(loss.get(0).value("value"));
    assertThat(metrics(events, "val/accuracy").get(0).value("value")).isBetween(0.5, 1.0);
    assertThat(metrics(events, "val/macro_f1")).hasSize(1);
    assertThat(metrics(events, "onnx/max_abs_diff").get(0).value("value")).isLessThan(1e-4);
    assertThat(metrics(events, "onnx/label_agreement").get(0).value("value")).isEqualTo(1.0);
    assertThat(kind(events, "param"))
        .extracting(e -> e.text("key", ""))
        .contains(
            "epochs",
            "learningRate",
            "seed",
            "validationFraction",
            "minibatch",
            "target",
            "features");
    assertThat(param(events, "features")).isEqualTo("precipitation,temp_max,temp_min,wind");

    List<AgentEvent> artifacts = kind(events, "artifact");
    assertThat(artifacts)
        .extracting(e -> e.text("path", ""))
        .containsExactly("model/model.json", "model/model.onnx");
    for (AgentEvent a : artifacts) {
      Path file = Path.of(a.text("file", ""));
      assertThat(file).isRegularFile();
      assertThat(a.number("size", -1)).isEqualTo(Files.size(file));
      assertThat(a.text("sha256", "")).isEqualTo(Hashes.sha256(file));
    }
    Map<String, Object> desc =
        Json.readObject(Files.readString(Path.of(artifacts.get(0).text("file", ""))));
    assertThat(desc.get("features"))
        .isEqualTo(List.of("precipitation", "temp_max", "temp_min", "wind"));
    assertThat(String.valueOf(desc.get("labels")))
        .contains("rain", "sun", "drizzle", "snow", "fog");
    assertSeqContiguous(events);
  }

  @Test
  void linearRegressionReportsErrorsAndAMatchingOnnxModel() throws Exception {
    List<AgentEvent> events =
        Jobs.supervise(
            tmp, spec("linear", "temp_max", List.of("temp_min", "precipitation", "wind")));

    assertThat(ended(events).text("status", "")).as(ended(events).toString()).isEqualTo("FINISHED");
    List<AgentEvent> loss = metrics(events, "train/loss");
    assertThat(loss).hasSize(5).allMatch(e -> e.value("value") > 0);
    assertThat(loss.get(4).value("value")).isLessThan(loss.get(0).value("value"));
    assertThat(metrics(events, "val/rmse").get(0).value("value")).isPositive().isLessThan(10);
    assertThat(metrics(events, "val/mae")).hasSize(1);
    assertThat(metrics(events, "val/r2")).hasSize(1);
    assertThat(metrics(events, "onnx/max_abs_diff").get(0).value("value")).isLessThan(1e-4);
    assertThat(param(events, "task")).isEqualTo("regression");
  }

  @Test
  void aMissingTargetFailsNamingTheColumn() throws Exception {
    List<AgentEvent> events = Jobs.supervise(tmp, spec("logistic", "sky", List.of("wind")));

    assertThat(ended(events).text("status", "")).isEqualTo("FAILED");
    assertThat(ended(events).text("message", ""))
        .contains("target column 'sky'")
        .contains("weather");
    assertThat(metrics(events, "train/loss")).isEmpty();
  }

  @Test
  void aNonNumericFeatureFailsNamingTheColumnBeforeTraining() throws Exception {
    List<AgentEvent> events =
        Jobs.supervise(tmp, spec("logistic", "weather", List.of("date", "wind")));

    assertThat(ended(events).text("status", "")).isEqualTo("FAILED");
    assertThat(ended(events).text("message", ""))
        .contains("feature column 'date' is not numeric")
        .contains("line 2");
    assertThat(metrics(events, "train/loss")).isEmpty();
  }

  @Test
  void aRegressionOnATextTargetFailsNamingIt() throws Exception {
    List<AgentEvent> events = Jobs.supervise(tmp, spec("linear", "weather", List.of("wind")));

    assertThat(ended(events).text("message", ""))
        .contains("target column 'weather' is not numeric");
  }

  static List<AgentEvent> metrics(List<AgentEvent> events, String key) {
    return kind(events, "metric").stream().filter(e -> e.text("key", "").equals(key)).toList();
  }

  static String param(List<AgentEvent> events, String key) {
    return kind(events, "param").stream()
        .filter(e -> e.text("key", "").equals(key))
        .findFirst()
        .orElseThrow()
        .text("value", "");
  }

  static void assertSeqContiguous(List<AgentEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).seq()).isEqualTo(i + 1);
    }
    assertThat(ended(events).kind()).isEqualTo("ended");
  }
}
