package io.flightdeck.core.stats;

import static io.flightdeck.core.stats.Tolerance.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidently's default method choice and dataset verdict (golden file dataset_drift.json). */
class DatasetDriftTest {
  @Test
  void defaultMethodsScoresAndShareMatchEvidentlyOnGoldenCases() {
    for (JsonNode c : GoldenData.load("dataset_drift.json").get("cases")) {
      List<ColumnSample> columns = new ArrayList<>();
      for (JsonNode col : c.get("columns")) {
        String name = col.get("name").asText();
        if (col.get("kind").asText().equals("numeric")) {
          columns.add(
              new ColumnSample.Numeric(
                  name,
                  GoldenData.numbers(col.get("reference")),
                  GoldenData.numbers(col.get("current"))));
        } else {
          columns.add(
              new ColumnSample.Categorical(
                  name,
                  GoldenData.labels(col.get("reference")),
                  GoldenData.labels(col.get("current"))));
        }
      }
      DatasetDriftResult result = new DatasetDrift().compute(columns);
      for (int i = 0; i < columns.size(); i++) {
        JsonNode expected = c.get("columns").get(i);
        ColumnDriftResult actual = result.columns().get(i);
        String what = c.get("name").asText() + " / " + actual.column();
        assertThat(actual.result().method().name())
            .as(what)
            .isEqualTo(expected.get("method").asText());
        assertClose(actual.result().score(), expected.get("score").asDouble(), 1e-10, what);
        assertThat(actual.drifted()).as(what).isEqualTo(expected.get("drifted").asBoolean());
      }
      assertThat(result.share()).isEqualTo(c.get("share").asDouble());
      assertThat(result.datasetDrift()).isEqualTo(c.get("dataset_drift").asBoolean());
    }
  }

  @Test
  void selectorFollowsEvidentlyRules() {
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.NUMERIC, 1000, 6))
        .isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.NUMERIC, 1000, 5))
        .isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.NUMERIC, 10, 2))
        .isEqualTo(DriftMethod.Z_TEST);
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.CATEGORICAL, 1000, 40))
        .isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.CATEGORICAL, 1000, 1))
        .isEqualTo(DriftMethod.Z_TEST);
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.NUMERIC, 1001, 6))
        .isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.NUMERIC, 1001, 5))
        .isEqualTo(DriftMethod.JENSEN_SHANNON);
    assertThat(DriftMethodSelector.evidentlyDefault(ColumnKind.CATEGORICAL, 5000, 2))
        .isEqualTo(DriftMethod.JENSEN_SHANNON);
  }

  @Test
  void overridesReplaceMethodAndThresholdPerColumn() {
    double[] ref = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] cur = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5};
    DatasetDrift drift =
        new DatasetDrift(
            new DriftMethodSelector(Map.of("x", DriftMethod.PSI)), Map.of("x", 50.0), 0.5);
    ColumnDriftResult r = drift.column(new ColumnSample.Numeric("x", ref, cur));
    assertThat(r.result().method()).isEqualTo(DriftMethod.PSI);
    assertThat(r.result().threshold()).isEqualTo(50.0);
    assertThat(r.drifted()).isFalse();
    ColumnDriftResult other = drift.column(new ColumnSample.Numeric("y", ref, cur));
    assertThat(other.result().method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(other.result().threshold()).isEqualTo(0.05);
  }

  @Test
  void numericOnlyOverrideOnCategoricalColumnIsRejectedWithItsName() {
    DatasetDrift drift =
        new DatasetDrift(
            new DriftMethodSelector(Map.of("colour", DriftMethod.KOLMOGOROV_SMIRNOV)),
            Map.of(),
            0.5);
    ColumnSample c = new ColumnSample.Categorical("colour", new String[] {"a"}, new String[] {"b"});
    assertThatThrownBy(() -> drift.column(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colour")
        .hasMessageContaining("needs a numeric column");
  }

  @Test
  void missingValuesAreExcludedAndCounted() {
    ColumnDriftResult num =
        new DatasetDrift()
            .column(
                new ColumnSample.Numeric(
                    "n",
                    new double[] {1, Double.NaN, 2, 3, 4, 5, 6, Double.POSITIVE_INFINITY},
                    new double[] {Double.NaN, 1, 2, 3, 4, 5, 6}));
    assertThat(num.referenceRows()).isEqualTo(6);
    assertThat(num.referenceMissing()).isEqualTo(2);
    assertThat(num.currentMissing()).isEqualTo(1);
    assertThat(num.result().pValue()).hasValue(1.0);
    ColumnDriftResult cat =
        new DatasetDrift()
            .column(
                new ColumnSample.Categorical(
                    "c", new String[] {"a", null, "b"}, new String[] {null, null, "a", "b"}));
    assertThat(cat.referenceMissing()).isEqualTo(1);
    assertThat(cat.currentMissing()).isEqualTo(2);
    assertThat(cat.result().method()).isEqualTo(DriftMethod.Z_TEST);
  }

  @Test
  void columnWithOnlyMissingValuesFailsWithClearMessage() {
    ColumnSample c =
        new ColumnSample.Numeric("age", new double[] {Double.NaN, Double.NaN}, new double[] {1});
    assertThatThrownBy(() -> new DatasetDrift().column(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Column 'age'")
        .hasMessageContaining("Reference sample is empty")
        .hasMessageContaining("2 NaN");
  }

  @Test
  void datasetDriftsAtHalfTheColumnsAndNotBelow() {
    DriftResult yes = DriftResult.ofDistance(DriftMethod.PSI, 0.3, 0.1);
    DriftResult no = DriftResult.ofDistance(DriftMethod.PSI, 0.01, 0.1);
    List<ColumnDriftResult> half =
        List.of(
            new ColumnDriftResult("a", ColumnKind.NUMERIC, yes, 1, 1, 0, 0),
            new ColumnDriftResult("b", ColumnKind.NUMERIC, no, 1, 1, 0, 0));
    assertThat(new DatasetDrift().summarize(half).datasetDrift()).isTrue();
    List<ColumnDriftResult> third =
        List.of(
            half.get(0),
            half.get(1),
            new ColumnDriftResult("c", ColumnKind.NUMERIC, no, 1, 1, 0, 0));
    DatasetDriftResult r = new DatasetDrift().summarize(third);
    assertThat(r.driftedColumns()).isEqualTo(1);
    assertThat(r.datasetDrift()).isFalse();
    assertThat(new DatasetDrift().compute(List.of()).datasetDrift()).isFalse();
  }
}
