package io.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightdeck datasets ...} and {@code flightdeck drift ...} against real workspaces. */
class DatasetCommandsTest {
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
  void sampleListValidateDriftAndExport() throws IOException {
    Result sample = run("datasets", "sample");
    assertThat(sample.code()).as(sample.err()).isZero();
    assertThat(sample.out()).contains("seattle-weather:2").contains("validation failed");

    Result list = run("datasets", "list", "--json");
    assertThat(list.code()).isZero();
    JsonNode l = json(list.out());
    assertThat(l.get(0).get("name").asText()).isEqualTo("seattle-weather");
    assertThat(l.get(0).get("versions").asInt()).isEqualTo(2);
    assertThat(l.get(0).get("latest").get("validation").asText()).isEqualTo("FAILED");

    Result bad = run("datasets", "validate", "seattle-weather:2");
    assertThat(bad.code()).isEqualTo(DatasetsCommand.EXIT_INVALID);
    assertThat(bad.out())
        .contains("FAILED")
        .contains("UNSEEN_CATEGORY")
        .contains("'hail'")
        .contains("Lines: [42, 43, 47]");
    Result good =
        run(
            "datasets",
            "validate",
            "seattle-weather:1",
            "--against",
            "seattle-weather:1",
            "--json");
    assertThat(good.code()).isZero();
    assertThat(json(good.out()).get("passed").asBoolean()).isTrue();

    Result drift = run("drift", "seattle-weather:1", "seattle-weather:2");
    assertThat(drift.code()).as(drift.err()).isZero();
    JsonNode d = json(drift.out());
    assertThat(d.get("datasetDrift").asBoolean()).isTrue();
    assertThat(d.get("share").asDouble()).isEqualTo(0.8);
    JsonNode first = d.get("columns").get(0);
    assertThat(first.get("column").asText()).isEqualTo("precipitation");
    assertThat(first.get("method").asText()).isEqualTo("wasserstein");
    assertThat(first.has("statistic")).isTrue();
    assertThat(first.has("threshold")).isTrue();
    assertThat(first.get("drifted").asBoolean()).isFalse();
    assertThat(first.has("pValue")).isFalse();

    Result ks = run("drift", "seattle-weather:1", "seattle-weather:2", "--method", "temp_max=ks");
    assertThat(json(ks.out()).get("columns").get(1).get("pValue").isNumber()).isTrue();

    Path html = tmp.resolve("drift.html");
    Result h =
        run(
            "drift",
            "seattle-weather:1",
            "seattle-weather:2",
            "--format",
            "html",
            "--out",
            html.toString(),
            "--windows",
            "12");
    assertThat(h.code()).as(h.err()).isZero();
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Drift over time");
    Result csv = run("drift", "seattle-weather:1", "seattle-weather:2", "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .startsWith("column,type,method,statistic,p_value");

    Path out = tmp.resolve("v1.csv");
    Result ex = run("datasets", "export", "seattle-weather:1", "--out", out.toString());
    assertThat(ex.code()).isZero();
    assertThat(Files.readAllLines(out))
        .hasSize(1097)
        .first()
        .isEqualTo("date,precipitation,temp_max,temp_min,wind,weather");

    Result prof = run("datasets", "profile", "seattle-weather:2");
    assertThat(prof.out()).contains("precipitation").contains("18");
  }

  @Test
  void importWithRolesAndThenANewVersion() throws IOException {
    Path f =
        Files.writeString(
            tmp.resolve("d.csv"),
            "day,x,label\n2024-01-01,1.5,a\n2024-01-02,2.5,b\n2024-01-03,3.5,a\n");
    Result r =
        run(
            "datasets",
            "import",
            f.toString(),
            "--name",
            "demo",
            "--target",
            "label",
            "--time",
            "day",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode v = json(r.out());
    assertThat(v.get("version").asInt()).isEqualTo(1);
    assertThat(v.get("schema").get(2).get("role").asText()).isEqualTo("TARGET");
    assertThat(v.get("schema").get(0).get("role").asText()).isEqualTo("TIME");
    Result again = run("datasets", "import", f.toString(), "--name", "demo");
    assertThat(again.out()).startsWith("Imported demo:2: 3 rows, 3 columns.");
  }

  @Test
  void badInputGivesOneLineAndExitOne() throws IOException {
    Path latin =
        Files.write(
            tmp.resolve("l.csv"), "city\nK\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1));
    Result enc = run("datasets", "import", latin.toString(), "--name", "l");
    assertThat(enc.code()).isEqualTo(1);
    assertThat(enc.err())
        .startsWith("flightdeck: ")
        .contains("not valid UTF-8")
        .contains("line 2")
        .contains("--encoding latin-1");
    assertThat(enc.err().strip().lines().count()).isEqualTo(1);
    assertThat(
            run("datasets", "import", latin.toString(), "--name", "l", "--encoding", "latin-1")
                .code())
        .isZero();

    Path ragged = Files.writeString(tmp.resolve("r.csv"), "a,b\n1,2\n3\n4,5\n");
    Result rg = run("datasets", "import", ragged.toString(), "--name", "r");
    assertThat(rg.code()).isEqualTo(1);
    assertThat(rg.err()).contains("line 3 has 1 fields").contains("--skip-bad-rows");
    Result skip = run("datasets", "import", ragged.toString(), "--name", "r", "--skip-bad-rows");
    assertThat(skip.out()).contains("1 bad rows skipped");

    assertThat(run("drift", "r:1", "r").err()).contains("has no version number");
    assertThat(run("drift", "r:1", "r:9").err()).contains("no dataset version r:9");
    assertThat(run("drift", "r:1", "r:1", "--format", "xml").err()).contains("Unknown format");
    assertThat(run("datasets", "import", "missing.csv", "--name", "m").err())
        .contains("does not exist");
    assertThat(
            run("datasets", "import", ragged.toString(), "--name", "m", "--encoding", "ebcdic")
                .err())
        .contains("Unknown encoding");
    assertThat(run("datasets", "list").out()).contains("l ").contains("r ");
  }
}
