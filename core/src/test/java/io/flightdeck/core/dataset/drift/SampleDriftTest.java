package io.flightdeck.core.dataset.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.SampleData;
import io.flightdeck.core.dataset.TestVersions;
import io.flightdeck.core.json.Json;
import io.flightdeck.core.stats.DriftMethod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift on the shipped sample against SciPy (values in resources/dataset/sample-drift.json, made by
 * core/src/sample/make_sample_golden.py).
 */
class SampleDriftTest {
  @TempDir Path tmp;

  private static JsonNode golden() throws IOException {
    try (InputStream in = SampleDriftTest.class.getResourceAsStream("/dataset/sample-drift.json")) {
      return Json.mapper().readTree(in);
    }
  }

  private static void close(TestVersions... vs) throws IOException {
    for (TestVersions v : vs) {
      v.close();
    }
  }

  @Test
  void versionTwoDriftsAsScipySays() throws IOException {
    TestVersions v1 = TestVersions.sample(tmp, 1);
    TestVersions v2 = TestVersions.sample(tmp, 2);
    DriftReport r =
        new DriftAnalyzer()
            .compare(
                v1.side(), v2.side(), DriftOptions.defaults(), ImportProgress.NONE, Instant.EPOCH);
    for (JsonNode g : golden().get("columns")) {
      ColumnDrift c = r.column(g.get("column").asText()).orElseThrow();
      assertThat(DriftMethodNames.name(c.method())).isEqualTo(g.get("method").asText());
      assertThat(c.statistic())
          .as(c.column())
          .isCloseTo(g.get("statistic").asDouble(), within(1e-9 * g.get("statistic").asDouble()));
      assertThat(c.drifted()).isEqualTo(g.get("drifted").asBoolean());
      assertThat(c.referenceRows()).isEqualTo(g.get("referenceRows").asLong());
      assertThat(c.currentRows()).isEqualTo(g.get("currentRows").asLong());
      assertThat(c.pValue()).isNull();
    }
    assertThat(r.driftedColumns()).isEqualTo(4);
    assertThat(r.share()).isEqualTo(0.8);
    assertThat(r.datasetDrift()).isTrue();
    assertThat(r.column("precipitation").orElseThrow().currentMissing()).isEqualTo(18);
    close(v1, v2);
  }

  @Test
  void driftJsonHasTheDocumentedFields() throws IOException {
    TestVersions v1 = TestVersions.sample(tmp, 1);
    TestVersions v2 = TestVersions.sample(tmp, 2);
    DriftReport r =
        new DriftAnalyzer()
            .compare(
                v1.side(), v2.side(), DriftOptions.defaults(), ImportProgress.NONE, Instant.EPOCH);
    JsonNode json = Json.mapper().readTree(DriftReports.toJson(r));
    assertThat(json.get("share").asDouble()).isEqualTo(0.8);
    assertThat(json.get("datasetDrift").asBoolean()).isTrue();
    JsonNode first = json.get("columns").get(0);
    assertThat(first.get("column").asText()).isEqualTo("precipitation");
    assertThat(first.has("method")).isTrue();
    assertThat(first.has("statistic")).isTrue();
    assertThat(first.has("threshold")).isTrue();
    assertThat(first.has("drifted")).isTrue();
    assertThat(first.has("pValue")).as("no p-value for a distance").isFalse();
    String csv = DriftReports.toCsv(r);
    assertThat(csv.lines().count()).isEqualTo(6);
    assertThat(csv).contains("wind,INTEGER,wasserstein,");
    close(v1, v2);
  }

  @Test
  void smallReferencesUseKsAndChiSquareAsScipySays() throws IOException {
    String[] lines =
        new String(SampleData.open(SampleData.FILES.get(0)).readAllBytes(), StandardCharsets.UTF_8)
            .split("\n");
    String header = lines[0] + "\n";
    StringBuilder ref = new StringBuilder(header);
    StringBuilder cur = new StringBuilder(header);
    for (int i = 1; i <= 300; i++) {
      ref.append(lines[i]).append('\n');
    }
    for (int i = 366; i <= 565; i++) {
      cur.append(lines[i]).append('\n');
    }
    TestVersions a = TestVersions.of(tmp, "small", 1, ref.toString(), r -> r);
    TestVersions b = TestVersions.of(tmp, "small", 2, cur.toString(), r -> r);
    DriftReport r =
        new DriftAnalyzer()
            .compare(
                a.side(), b.side(), DriftOptions.defaults(), ImportProgress.NONE, Instant.EPOCH);
    for (JsonNode g : golden().get("small").get("columns")) {
      ColumnDrift c = r.column(g.get("column").asText()).orElseThrow();
      assertThat(DriftMethodNames.name(c.method())).isEqualTo(g.get("method").asText());
      double p = g.get("pValue").asDouble();
      assertThat(c.pValue()).as(c.column()).isCloseTo(p, within(1e-9 * p));
      assertThat(c.statistic())
          .isCloseTo(g.get("statistic").asDouble(), within(1e-9 * g.get("statistic").asDouble()));
      assertThat(c.drifted()).isEqualTo(g.get("drifted").asBoolean());
    }
    close(a, b);
  }

  @Test
  void aMethodCanBeChosenPerColumn() throws IOException {
    TestVersions v1 = TestVersions.sample(tmp, 1);
    TestVersions v2 = TestVersions.sample(tmp, 2);
    DriftOptions o =
        DriftOptions.defaults()
            .withMethod("temp_max", DriftMethod.PSI)
            .withMethod("weather", DriftMethod.CHI_SQUARE)
            .withThreshold("temp_min", 0.5);
    DriftReport r =
        new DriftAnalyzer().compare(v1.side(), v2.side(), o, ImportProgress.NONE, Instant.EPOCH);
    assertThat(r.column("temp_max").orElseThrow().method()).isEqualTo(DriftMethod.PSI);
    assertThat(r.column("weather").orElseThrow().pValue()).isNotNull();
    assertThat(r.column("temp_min").orElseThrow().drifted()).isFalse();
    assertThat(r.column("temp_min").orElseThrow().threshold()).isEqualTo(0.5);
    close(v1, v2);
  }

  @Test
  void idTimeAndTextColumnsAreNotTestedAndSaySo() throws IOException {
    String csv =
        "id,when,note,x\n" + "1,2024-01-01,a b,1.0\n2,2024-01-02,c d,2.0\n3,2024-01-03,e f,3.0\n";
    TestVersions a = TestVersions.of(tmp, "m", 1, csv, r -> r.withRole("id", ColumnRole.ID));
    TestVersions b = TestVersions.of(tmp, "m", 2, csv, r -> r.withRole("id", ColumnRole.ID));
    DriftReport r =
        new DriftAnalyzer()
            .compare(
                a.side(), b.side(), DriftOptions.defaults(), ImportProgress.NONE, Instant.EPOCH);
    Map<String, ColumnDrift> cols =
        r.columns().stream().collect(Collectors.toMap(ColumnDrift::column, c -> c));
    assertThat(cols).containsOnlyKeys("x");
    assertThat(r.notTested()).anyMatch(n -> n.contains("'note' is free text"));
    close(a, b);
  }

  @Test
  void overTimeUsesTheWholeComparisonsMethodAndABandFromReferenceWindows() throws IOException {
    TestVersions v1 = TestVersions.sample(tmp, 1);
    TestVersions v2 = TestVersions.sample(tmp, 2);
    DriftOverTime t =
        new DriftTimeline()
            .byTime(v1.side(), v2.side(), 12, DriftOptions.defaults(), ImportProgress.NONE);
    assertThat(t.windows()).hasSize(12);
    assertThat(t.windows().get(0).label()).startsWith("2015-01-01..");
    assertThat(t.windows().stream().mapToLong(DriftOverTime.Window::rows).sum()).isEqualTo(365);
    DriftOverTime.ColumnSeries wind =
        t.columns().stream().filter(s -> s.column().equals("wind")).findFirst().orElseThrow();
    assertThat(wind.method()).isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
    // 36 monthly reference windows (same span as the current windows) give the band
    assertThat(wind.referenceScores()).hasSizeGreaterThan(30);
    assertThat(wind.bandUpper()).isNotNull();
    assertThat(wind.points()).allMatch(DriftOverTime.Point::alert);
    assertThat(Files.exists(tmp)).isTrue();
    close(v1, v2);
  }

  @Test
  void aSeriesOfVersionsIsTestedAgainstTheReference() throws IOException {
    TestVersions v1 = TestVersions.sample(tmp, 1);
    TestVersions v2 = TestVersions.sample(tmp, 2);
    DriftOverTime t =
        new DriftTimeline()
            .byVersions(
                v1.side(),
                java.util.List.of(v1.side(), v2.side()),
                DriftOptions.defaults(),
                ImportProgress.NONE);
    assertThat(t.windows())
        .extracting(DriftOverTime.Window::label)
        .containsExactly("seattle-weather:1", "seattle-weather:2");
    DriftOverTime.ColumnSeries temp =
        t.columns().stream().filter(s -> s.column().equals("temp_min")).findFirst().orElseThrow();
    assertThat(temp.points().get(0).statistic()).isEqualTo(0.0);
    assertThat(temp.points().get(1).drifted()).isTrue();
    close(v1, v2);
  }
}
