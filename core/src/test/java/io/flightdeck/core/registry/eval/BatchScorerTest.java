package io.flightdeck.core.registry.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScorerTest {
  @TempDir Path tmp;
  EvalWorld world;
  DatasetVersionInfo source;
  ModelVersion model;

  @BeforeEach
  void setUp() throws Exception {
    world = new EvalWorld(tmp);
    source =
        world.dataset(
            "weather",
            "day,x1,temp,region,label\n"
                + "2024-01-01,0.9,0.1,\"north, upper\",yes\n"
                + "2024-01-02,0.1,0.9,south,no\n"
                + "2024-01-03,,0.5,south,no\n"
                + "2024-01-04,0.5,0.5,,yes\n",
            "label");
    model =
        world.model(
            "rain",
            LinearModel.classifier(
                List.of("x1", "x2"),
                List.of("no", "yes"),
                ModelEvaluatorTest.W,
                ModelEvaluatorTest.B));
  }

  @Test
  void scoresIntoANewVersionWhoseLineageNamesBoth() {
    DatasetVersionInfo out =
        world.batch.score("rain", 1, source.ref(), Map.of("x2", "temp"), ImportProgress.NONE);
    assertThat(out.ref()).isEqualTo(new DatasetRef("weather-scored-rain-v1", 1));
    assertThat(out.schema())
        .extracting(ColumnSpec::name)
        .containsExactly(
            "day",
            "x1",
            "temp",
            "region",
            "label",
            "prediction",
            "probability_no",
            "probability_yes");
    assertThat(out.schema().subList(0, 5)).isEqualTo(source.schema());
    assertThat(out.column("prediction").get().type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(out.column("prediction").get().role()).isEqualTo(ColumnRole.IGNORED);
    assertThat(out.column("probability_yes").get().type()).isEqualTo(ColumnType.DECIMAL);
    assertThat(out.lineage().sourcePath())
        .startsWith(BatchScorer.lineageSource(source, model) + " with ONNX Runtime on ")
        .contains("weather:1", source.dataSha256(), "rain:1", model.sha256());
    assertThat(out.lineage().rows()).isEqualTo(4);

    List<List<String>> rows = world.datasets.head(out.ref(), 10);
    assertThat(rows.get(0).subList(0, 5))
        .containsExactly("2024-01-01", "0.9", "0.1", "north, upper", "yes");
    assertThat(rows.get(0).get(5)).isEqualTo("yes");
    assertThat(rows.get(1).get(5)).isEqualTo("no");
    assertThat(rows.get(2).subList(5, 8)).containsExactly("", "", "");
    assertThat(rows.get(3).get(3)).isEmpty();
    double pYes = Double.parseDouble(rows.get(0).get(7));
    double pNo = Double.parseDouble(rows.get(0).get(6));
    assertThat(pYes + pNo).isBetween(0.999999, 1.000001);
    assertThat(pYes)
        .isEqualTo(
            (double) (float) (1 / (1 + Math.exp(-(4 * 0.9 - 2 * 0.1 - 1)))),
            org.assertj.core.api.Assertions.within(1e-6));
    assertThat(world.audit.actions()).contains("dataset.imported");
    assertThat(world.scorers.open.get()).isZero();
  }

  @Test
  void scoringAScoredVersionSuffixesTheNewColumnsAndAcceptsAName() {
    DatasetVersionInfo once =
        world.batch.score("rain", 1, source.ref(), Map.of("x2", "temp"), ImportProgress.NONE);
    DatasetVersionInfo twice =
        world.batch.score(
            "rain", 1, once.ref(), Map.of("x2", "temp"), "weather-twice", ImportProgress.NONE);
    assertThat(twice.ref()).isEqualTo(new DatasetRef("weather-twice", 1));
    assertThat(twice.schema())
        .extracting(ColumnSpec::name)
        .contains("prediction", "prediction_rain_v1", "probability_yes_rain_v1");
  }

  @Test
  void unmappedFeaturesAreRefusedBeforeAnythingIsWritten() {
    assertThatThrownBy(
            () -> world.batch.score("rain", 1, source.ref(), Map.of(), ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'x2' has no column")
        .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("temp"));
    assertThat(world.datasets.list()).hasSize(1);
  }

  @Test
  void aTamperedModelIsRefused() throws Exception {
    world.tamper(model);
    assertThatThrownBy(
            () ->
                world.batch.score(
                    "rain", 1, source.ref(), Map.of("x2", "temp"), ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(model.sha256());
    assertThat(world.datasets.list()).hasSize(1);
  }
}
