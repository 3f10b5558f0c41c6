package io.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.tracking.JobState;
import io.flightdeck.core.tracking.Metric;
import io.flightdeck.core.tracking.RunRow;
import io.flightdeck.core.tracking.RunStatus;
import io.flightdeck.store.LocalWorkspace;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flightdeck train | run | runs list | jobs | mlflow} against real workspaces and the real
 * local agent (a child JVM).
 */
class TrackingCommandsTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

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

  @Test
  void trainOnTheSampleThenListAndFilterRuns() throws IOException {
    assertThat(run("datasets", "sample").code()).isZero();
    Result train =
        run(
            "train",
            "--dataset",
            "seattle-weather:1",
            "--target",
            "weather",
            "--param",
            "epochs=3",
            "--experiment",
            "weather");
    assertThat(train.code()).as(train.out() + train.err()).isZero();
    assertThat(train.out()).contains("ended FINISHED").contains("onnx/max_abs_diff");

    Result list = run("runs", "list", "--json");
    JsonNode runs = json(list.out());
    assertThat(runs).hasSize(1);
    JsonNode r = runs.get(0);
    assertThat(r.get("status").asText()).isEqualTo("FINISHED");
    assertThat(r.get("experiment").asText()).isEqualTo("weather");
    assertThat(r.get("metrics").get("train/loss").get("count").asInt()).isEqualTo(3);
    assertThat(r.get("metrics").get("onnx/max_abs_diff").get("last").asDouble()).isLessThan(1e-4);

    assertThat(json(run("runs", "list", "--json", "--filter", "params.epochs = '3'").out()))
        .hasSize(1);
    assertThat(json(run("runs", "list", "--json", "--filter", "params.epochs = '4'").out()))
        .isEmpty();
    Result bad = run("runs", "list", "--filter", "metrics.accuracy >> 1");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("column");

    Result missing = run("train", "--dataset", "seattle-weather:1", "--target", "nope");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("'nope'");
    Result text =
        run(
            "train",
            "--dataset",
            "seattle-weather:1",
            "--target",
            "temp_max",
            "--model",
            "linear",
            "--feature",
            "weather");
    assertThat(text.err()).contains("'weather'").contains("numeric");
    assertThat(json(run("runs", "list", "--json").out())).hasSize(1);
  }

  @Test
  void aCommandThatDoesNotExistCreatesNoRun() throws IOException {
    Result r = run("run", "--workdir", tmp.toString(), "--", "no-such-program-xyz", "--flag");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("Command not found: 'no-such-program-xyz'");
    assertThat(json(run("runs", "list", "--json").out())).isEmpty();
  }

  @Test
  void aPythonScriptLogsThroughMlflowsRestApi() throws IOException {
    Path python = Path.of("/usr/bin/python3");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(python), "needs /usr/bin/python3");
    Path script = tmp.resolve("train.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import json, os, time, urllib.request, urllib.error",
            "base = os.environ['MLFLOW_TRACKING_URI'] + '/api/2.0/mlflow/'",
            "run_id = os.environ['MLFLOW_RUN_ID']",
            "def post(path, body):",
            "    req = urllib.request.Request(base + path, data=json.dumps(body).encode(),",
            "                                 headers={'Content-Type': 'application/json'})",
            "    return json.load(urllib.request.urlopen(req))",
            "post('runs/log-parameter', {'run_id': run_id, 'key': 'lr', 'value': '0.01'})",
            "for step in range(5):",
            "    post('runs/log-metric', {'run_id': run_id, 'key': 'loss', 'value': 1.0 / (step + 1),",
            "         'timestamp': int(time.time() * 1000), 'step': step})",
            "post('runs/log-batch', {'run_id': run_id, 'metrics': [{'key': 'acc', 'value': 0.9,",
            "     'timestamp': int(time.time() * 1000), 'step': 4}], 'tags': [{'key': 'team', 'value': 'ml'}]})",
            "try:",
            "    post('runs/log-parameter', {'run_id': run_id, 'key': 'lr', 'value': '0.5'})",
            "    print('SECOND PARAM ACCEPTED')",
            "except urllib.error.HTTPError as e:",
            "    print('refused', e.code, json.load(e)['error_code'])",
            ""));
    Result r =
        run(
            "run",
            "--workdir",
            tmp.toString(),
            "--name",
            "py",
            "--",
            python.toString(),
            "train.py");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("refused 400 INVALID_PARAMETER_VALUE")
        .doesNotContain("SECOND PARAM ACCEPTED");
    JsonNode run = json(run("runs", "list", "--json").out()).get(0);
    assertThat(run.get("params").get("lr").asText()).isEqualTo("0.01");
    assertThat(run.get("metrics").get("loss").get("count").asInt()).isEqualTo(5);
    assertThat(run.get("metrics").get("acc").get("last").asDouble()).isEqualTo(0.9);
    assertThat(run.get("tags").get("team").asText()).isEqualTo("ml");
  }

  @Test
  void killingTheAppMidJobLosesAndDoublesNothing() throws Exception {
    Path ws = tmp.resolve("ws");
    String script =
        "for i in $(seq 1 60); do echo \"##flightdeck metric m $i $i\"; echo line$i; sleep 0.05; done";
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.flightdeck.app.Main");
    cmd.addAll(
        List.of(
            "--workspace",
            ws.toString(),
            "run",
            "--workdir",
            tmp.toString(),
            "--name",
            "long",
            "--",
            "bash",
            "-c",
            script));
    Process app = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder seen = new StringBuilder();
    var in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.equals("line5")) {
        break;
      }
    }
    assertThat(seen.toString()).as("the app printed the job's output live").contains("line5");
    app.destroyForcibly(); // SIGKILL: no shutdown hook, no bye
    assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Result attach = run("jobs", "attach", "--timeout", "120");
    assertThat(attach.code()).as(attach.out() + attach.err()).isZero();
    assertThat(attach.out()).contains(JobState.SUCCEEDED.name());
    try (LocalWorkspace w = LocalWorkspace.open(ws, Clock.systemUTC(), () -> "t")) {
      var repo = w.tracking().repository();
      RunRow row = repo.runRows(null).get(0);
      assertThat(row.info().status()).isEqualTo(RunStatus.FINISHED);
      assertThat(repo.metricHistory(row.info().runId(), "m"))
          .extracting(Metric::step)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
      List<String> lines =
          repo.log(row.info().runId(), 0, 10_000).stream()
              .map(l -> l.text())
              .filter(t -> t.startsWith("line"))
              .toList();
      assertThat(lines).hasSize(60).doesNotHaveDuplicates();
      assertThat(repo.liveJobs()).isEmpty();
    }
  }

  @Test
  void mlflowExportAndImportRoundTrip() throws IOException {
    Files.createDirectories(tmp.resolve("work"));
    Result job =
        run(
            "run",
            "--workdir",
            tmp.resolve("work").toString(),
            "--experiment",
            "exp",
            "--",
            "bash",
            "-c",
            "echo '##flightdeck metric loss 0.5 1'; echo '##flightdeck metric loss nan 2';"
                + " echo '##flightdeck param lr 0.1'; mkdir -p outputs/sub; echo x > outputs/sub/a.txt");
    assertThat(job.code()).as(job.out() + job.err()).isZero();
    Path mlruns = tmp.resolve("mlruns");
    Result export = run("mlflow", "export", "--experiment", "exp", "--out", mlruns.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("Exported 1 runs");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        FlightdeckCommand.execute(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "--workspace",
            tmp.resolve("ws2").toString(),
            "mlflow",
            "import",
            mlruns.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Imported 1 runs");
    try (LocalWorkspace w = LocalWorkspace.open(tmp.resolve("ws2"), Clock.systemUTC(), () -> "t")) {
      var repo = w.tracking().repository();
      RunRow row = repo.runRows(null).get(0);
      assertThat(row.params()).containsEntry("lr", "0.1");
      List<Metric> loss = repo.metricHistory(row.info().runId(), "loss");
      assertThat(loss).hasSize(2);
      assertThat(loss.get(1).value()).isNaN();
      assertThat(repo.artifacts(row.info().runId()))
          .extracting(a -> a.path())
          .contains("sub/a.txt");
    }
    // a malformed metric file names the file and the line; nothing is imported
    Path metric =
        Files.walk(mlruns)
            .filter(
                p -> p.toString().endsWith(File.separator + "metrics" + File.separator + "loss"))
            .findFirst()
            .orElseThrow();
    Files.writeString(metric, "1 2 3\nbroken\n", StandardCharsets.UTF_8);
    StringWriter err3 = new StringWriter();
    int bad =
        FlightdeckCommand.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err3, true),
            "--workspace",
            tmp.resolve("ws3").toString(),
            "mlflow",
            "import",
            mlruns.toString());
    assertThat(bad).isEqualTo(1);
    assertThat(err3.toString()).contains(metric.getFileName().toString()).contains("line 2");
  }
}
