package io.flightdeck.agent;

import static io.flightdeck.agent.Jobs.ended;
import static io.flightdeck.agent.Jobs.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flightdeck.core.agent.AgentEvent;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandJobTest {
  @TempDir Path tmp;

  private static Map<String, Object> command(Path workdir, String... argv) {
    return Map.of("kind", "command", "argv", List.of(argv), "workdir", workdir.toString());
  }

  @Test
  void aCommandThatDoesNotExistFailsWithAPlainMessage() throws Exception {
    List<AgentEvent> events = Jobs.supervise(tmp, command(tmp, "no-such-command-xyz", "--help"));

    assertThat(ended(events).text("status", "")).isEqualTo("FAILED");
    assertThat(ended(events).text("message", ""))
        .isEqualTo("command not found: no-such-command-xyz");
  }

  @Test
  void outputLinesBecomeLogsDataAndRejections() throws Exception {
    String script =
        String.join(
            "\n",
            "echo hello",
            "echo oops >&2",
            "echo '##flightdeck metric train/loss 0.25 3'",
            "echo '##flightdeck metric acc NaN'",
            "echo '##flightdeck param lr 0.1'",
            "echo '##flightdeck param lr 0.1'",
            "echo '##flightdeck param lr 0.2'",
            "echo '##flightdeck tag stage first try'",
            "echo '##flightdeck metric ../x 1'",
            "echo '##flightdeck metric loss abc'",
            "mkdir -p out/sub && printf abc > out/sub/a.txt",
            "exit 3");
    List<AgentEvent> events = Jobs.supervise(tmp, command(tmp, "sh", "-c", script));

    assertThat(kind(events, "log"))
        .extracting(e -> e.text("stream", "") + ":" + e.text("text", ""))
        .containsExactlyInAnyOrder("stdout:hello", "stderr:oops");
    List<AgentEvent> metrics = Jobs.jobMetrics(events);
    assertThat(metrics).extracting(e -> e.text("key", "")).containsExactly("train/loss", "acc");
    assertThat(metrics.get(0).value("value")).isEqualTo(0.25);
    assertThat(metrics.get(0).number("step", -1)).isEqualTo(3);
    assertThat(metrics.get(1).value("value")).isNaN();
    assertThat(kind(events, "param")).hasSize(1);
    assertThat(kind(events, "tag").get(0).text("value", "")).isEqualTo("first try");
    assertThat(kind(events, "rejected"))
        .extracting(e -> e.text("message", ""))
        .satisfiesExactly(
            m -> assertThat(m).contains("'lr'").contains("'0.1'").contains("'0.2'"),
            m -> assertThat(m).contains("../x"),
            m -> assertThat(m).contains("not a number"));
    AgentEvent artifact = kind(events, "artifact").get(0);
    assertThat(artifact.text("path", "")).isEqualTo("sub/a.txt");
    assertThat(artifact.number("size", -1)).isEqualTo(3);
    assertThat(ended(events).text("status", "")).isEqualTo("FAILED");
    assertThat(ended(events).number("exitCode", -1)).isEqualTo(3);
    TrainJobTest.assertSeqContiguous(events);
  }

  @Test
  void aStdlibPythonScriptReportsThroughTheMlflowEndpoint() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3");
    Path script = tmp.resolve("mlflow_rest_example.py");
    try (InputStream in = getClass().getResourceAsStream("/examples/mlflow_rest_example.py")) {
      Files.copy(in, script);
    }
    List<AgentEvent> events =
        Jobs.supervise(tmp, command(tmp, python.toString(), script.toString()));

    List<String> logs = kind(events, "log").stream().map(e -> e.text("text", "")).toList();
    assertThat(ended(events).text("status", "")).as(String.join("\n", logs)).isEqualTo("FINISHED");
    assertThat(logs).anyMatch(l -> l.startsWith("ok   re-logged param refused: HTTP 400"));
    assertThat(logs).noneMatch(l -> l.startsWith("FAIL"));
    assertThat(Jobs.jobMetrics(events))
        .extracting(e -> e.text("key", "") + "@" + e.number("step", -1))
        .containsExactly("train/loss@0", "train/loss@1", "train/loss@2", "val/accuracy@2");
    assertThat(kind(events, "param"))
        .extracting(e -> e.text("key", "") + "=" + e.text("value", ""))
        .containsExactly("lr=0.01", "epochs=3");
    assertThat(kind(events, "tag"))
        .extracting(e -> e.text("key", "") + "=" + e.text("value", ""))
        .containsExactly(
            "mlflow.runName=rest-example", "framework=stdlib", "stage=demo", "note=hello");
    assertThat(kind(events, "status")).anyMatch(e -> e.text("message", "").contains("FINISHED"));
  }
}
