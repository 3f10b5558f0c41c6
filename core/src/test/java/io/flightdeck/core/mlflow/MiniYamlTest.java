package io.flightdeck.core.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniYamlTest {
  @TempDir Path tmp;

  @Test
  void readsWhatPyYamlWrites() throws Exception {
    Path f = tmp.resolve("meta.yaml");
    Files.writeString(
        f,
        "artifact_location: file:///m/1\n"
            + "end_time: null\n"
            + "experiment_id: '1'\n"
            + "name: 'it''s: a very long experiment name that PyYAML folds onto\n"
            + "  the next line'\n"
            + "run_name: \"tab\\there\"\n"
            + "status: 3\n"
            + "tags: []\n");
    Map<String, String> m = MiniYaml.read(f);
    assertThat(m.get("artifact_location")).isEqualTo("file:///m/1");
    assertThat(m.get("end_time")).isNull();
    assertThat(m.get("experiment_id")).isEqualTo("1");
    assertThat(m.get("name"))
        .isEqualTo("it's: a very long experiment name that PyYAML folds onto the next line");
    assertThat(m.get("run_name")).isEqualTo("tab\there");
    assertThat(m.get("status")).isEqualTo("3");
    assertThat(m).containsKey("tags");
  }

  @Test
  void quoteReadsBack() throws Exception {
    Path f = tmp.resolve("q.yaml");
    String tricky = "a 'b' \"c\" #d: e\nline";
    Files.writeString(f, "k: " + MiniYaml.quote(tricky) + "\nj: " + MiniYaml.quote("x") + "\n");
    assertThat(MiniYaml.read(f)).containsEntry("k", tricky).containsEntry("j", "x");
  }

  @Test
  void refusesNestingNamingFileAndLine() throws Exception {
    Path f = tmp.resolve("bad.yaml");
    Files.writeString(f, "a: 1\nb: &anchor x\n");
    assertThatThrownBy(() -> MiniYaml.read(f))
        .isInstanceOf(FlightdeckException.class)
        .hasMessage(
            "Cannot read " + f + " line 2: a value for 'b' that is not a plain text or number.");
  }
}
