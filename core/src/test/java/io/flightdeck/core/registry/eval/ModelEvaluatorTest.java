package io.flightdeck.core.registry.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation end to end through the real dataset service and registry (in-memory repositories, a
 * temporary artifact store) with a linear stand-in for ONNX models.
 */
class ModelEvaluatorTest {
  static final List<String> FEATURES = List.of("x1", "x2");
  static final double[][] W = {{0, 0}, {4, -2}};
  static final double[] B = {0, -1};

  @TempDir Path tmp;
  EvalWorld world;

  @BeforeEach
  void setUp() throws Exception {
    world = new EvalWorld(tmp);
  }

  /** 300 rows; x2 missing every 50th row; one row with the label "maybe"; some labels flipped. */
  static String classificationCsv() {
    StringBuilder sb = new StringBuilder("id,x1,x2,region,label\n");
    for (int i = 0; i < 300; i++) {
      double x1 = (i % 10) / 10.0;
      double x2 = ((i * 7) % 10) / 10.0;
      boolean yes = 4 * x1 - 2 * x2 - 1 > 0 ^ i % 13 == 0;
      String label = i == 7 ? "maybe" : yes ? "yes" : "no";
      sb.append(i)
          .append(',')
          .append(x1)
          .append(',')
          .append(i % 50 == 0 ? "" : x2)
          .append(',')
          .append(i % 3 == 0 ? "north" : "south")
          .append(',')
          .append(label)
          .append('\n');
    }
    return sb.toString();
  }

  @Test
  void classificationEndToEnd() throws Exception {
    world.dataset("weather", classificationCsv(), "label");
    ModelVersion mv =
        world.model("rain", LinearModel.classifier(FEATURES, List.of("no", "yes"), W, B));
    EvaluationResult r =
        world.evaluator.evaluate(
            "rain",
            mv.version(),
            new DatasetRef("weather", 1),
            new EvalOptions(null, Map.of(), "region", 3, 5),
            ImportProgress.NONE);

    assertThat(r.id()).isPositive();
    assertThat(world.registry.evaluations("rain", 1)).containsExactly(r);
    assertThat(r.dataset()).isEqualTo("weather:1");
    assertThat(r.who()).isEqualTo("alice");
    assertThat(r.when()).isEqualTo(EvalWorld.NOW);
    assertThat(r.task()).isEqualTo("classification");
    assertThat(world.audit.actions()).contains("model.evaluated");

    // The same rows scored directly give the same metrics.
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      if (i % 50 != 0 && i != 7) {
        kept.add(i);
      }
    }
    float[] x = new float[kept.size() * 2];
    int[] y = new int[kept.size()];
    for (int j = 0; j < kept.size(); j++) {
      int i = kept.get(j);
      x[j * 2] = (float) ((i % 10) / 10.0);
      x[j * 2 + 1] = (float) (((i * 7) % 10) / 10.0);
      double x1 = (i % 10) / 10.0;
      double x2 = ((i * 7) % 10) / 10.0;
      y[j] = 4 * x1 - 2 * x2 - 1 > 0 ^ i % 13 == 0 ? 1 : 0;
    }
    double[] p =
        Reports.toDouble(
            new LinearModel.LinearScorer(
                    FEATURES,
                    List.of("no", "yes"),
                    "classification",
                    W,
                    B,
                    new java.util.concurrent.atomic.AtomicInteger())
                .predict(x, kept.size()));
    int[] pred = ClassificationMetrics.argmax(p, 2);
    assertThat(r.metrics().get("accuracy")).isEqualTo(ClassificationMetrics.accuracy(y, pred));
    assertThat(r.metrics().get("roc_auc"))
        .isCloseTo(ClassificationMetrics.rocAuc(y, p, 2), within(1e-12));
    assertThat(r.metrics().get("log_loss"))
        .isCloseTo(ClassificationMetrics.logLoss(y, p, 2), within(1e-12));
    assertThat(r.metrics())
        .containsKeys("precision", "recall", "f1", "f1_macro", "average_precision");

    EvaluationReport rep = EvaluationReport.fromJson(r.detailJson());
    assertThat(rep.rows()).isEqualTo(kept.size());
    assertThat(rep.skippedRows()).isEqualTo(6);
    assertThat(rep.unknownTargetRows()).isEqualTo(1);
    assertThat(rep.unknownTargets()).containsExactly(Map.entry("maybe", 1L));
    assertThat(rep.labels()).containsExactly("no", "yes");
    assertThat(rep.positiveLabel()).isEqualTo("yes");
    assertThat(rep.columnMapping()).containsEntry("x1", "x1");
    assertThat(rep.confusion().counts()[1][1] + rep.confusion().counts()[0][0])
        .isEqualTo(Math.round(r.metrics().get("accuracy") * kept.size()));
    assertThat(rep.roc()).hasSize(1);
    assertThat(rep.precisionRecall()).hasSize(1);
    assertThat(rep.calibration().get(0).counts()).isNotEmpty();
    assertThat(rep.fairness().column()).isEqualTo("region");
    assertThat(rep.fairness().groups())
        .extracting(EvaluationReport.GroupMetrics::group)
        .containsExactly("north", "south");
    assertThat(rep.fairness().demographicParityDifference()).isNotNull();
    assertThat(rep.importanceMetric()).isEqualTo("accuracy");
    assertThat(rep.importance())
        .extracting(EvaluationReport.FeatureImportance::feature)
        .containsExactly("x1", "x2");
    assertThat(rep.importance().get(0).drops()).hasSize(3);
    assertThat(rep.residuals()).isNull();

    // the scorer was closed and the checked copy deleted
    assertThat(world.scorers.open.get()).isZero();
    assertThat(world.scorers.opened).allSatisfy(f -> assertThat(Files.exists(f)).isFalse());
  }

  static String housesCsv() {
    StringBuilder sb = new StringBuilder("sqm,age,floor,city,price\n");
    for (int i = 0; i < 120; i++) {
      double sqm = 40 + (i * 37) % 90;
      double age = (i * 11) % 40;
      double price = 2.0 * sqm - 0.5 * age + 10 + (i % 2 == 0 ? 1 : -1);
      sb.append(sqm)
          .append(',')
          .append(age)
          .append(',')
          .append(i % 5)
          .append(',')
          .append(i % 2 == 0 ? "Oslo" : "Bergen")
          .append(',')
          .append(price)
          .append('\n');
    }
    return sb.toString();
  }

  @Test
  void regressionWithAColumnMapping() throws Exception {
    world.dataset("houses", housesCsv(), "price");
    world.model(
        "price", LinearModel.regressor(List.of("size", "age"), new double[] {2.0, -0.5}, 10));
    EvaluationResult r =
        world.evaluator.evaluate(
            "price",
            1,
            new DatasetRef("houses", 1),
            new EvalOptions("price", Map.of("size", "sqm"), "city", 2, 1),
            ImportProgress.NONE);
    assertThat(r.task()).isEqualTo("regression");
    assertThat(r.metrics().get("rmse")).isCloseTo(1.0, within(1e-4));
    assertThat(r.metrics().get("mae")).isCloseTo(1.0, within(1e-4));
    assertThat(r.metrics().get("r2")).isGreaterThan(0.99);
    EvaluationReport rep = EvaluationReport.fromJson(r.detailJson());
    assertThat(rep.columnMapping()).containsEntry("size", "sqm").containsEntry("age", "age");
    assertThat(rep.residuals().predicted()).hasSize(120);
    assertThat(rep.fairness().groups()).hasSize(2);
    assertThat(rep.importanceMetric()).isEqualTo("r2");
    assertThat(rep.importance().get(0).feature()).isEqualTo("size");
  }

  @Test
  void missingFeaturesAreNamedWithTheColumnsThatCouldMap() throws Exception {
    world.dataset("houses", housesCsv(), "price");
    world.model(
        "price",
        LinearModel.regressor(List.of("size", "age", "rooms"), new double[] {2.0, -0.5, 1}, 10));
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "price",
                    1,
                    new DatasetRef("houses", 1),
                    EvalOptions.defaults(),
                    ImportProgress.NONE))
        .isInstanceOfSatisfying(
            FlightdeckException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("2 feature(s)", "(size, rooms)", "'size' has no column", "'rooms'")
                  .doesNotContain("'age'");
              assertThat(e.hint())
                  .contains("--map FEATURE=COLUMN", "sqm", "floor")
                  .doesNotContain("price");
            });
    assertThat(world.scorers.opened).isEmpty();
  }

  @Test
  void aTextFeatureColumnIsRefusedNamingIt() throws Exception {
    world.dataset("houses", housesCsv(), "price");
    world.model("price", LinearModel.regressor(List.of("sqm", "city"), new double[] {2.0, 1}, 10));
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "price",
                    1,
                    new DatasetRef("houses", 1),
                    EvalOptions.defaults(),
                    ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'city' reads 'city', which is")
        .hasMessageContaining("not numeric");
  }

  @Test
  void aMappingToAnUnknownFeatureOrColumnIsNamed() throws Exception {
    world.dataset("houses", housesCsv(), "price");
    world.model("price", LinearModel.regressor(List.of("size", "age"), new double[] {2, 1}, 0));
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "price",
                    1,
                    new DatasetRef("houses", 1),
                    new EvalOptions(null, Map.of("sise", "sqm"), null, 0, 1),
                    ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'sise', which is not a feature");
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "price",
                    1,
                    new DatasetRef("houses", 1),
                    new EvalOptions(null, Map.of("size", "area"), null, 0, 1),
                    ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'size' is mapped to 'area', which is not a column");
  }

  @Test
  void aMissingTargetColumnIsNamed() throws Exception {
    world.dataset("houses", housesCsv(), null);
    world.model("price", LinearModel.regressor(List.of("sqm", "age"), new double[] {2, 1}, 0));
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "price",
                    1,
                    new DatasetRef("houses", 1),
                    EvalOptions.defaults(),
                    ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("has no target column")
        .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("--target"));
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "price",
                    1,
                    new DatasetRef("houses", 1),
                    new EvalOptions("cost", Map.of(), null, 0, 1),
                    ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("no target column 'cost'");
  }

  @Test
  void aTamperedArtifactIsRefusedAndNothingIsStored() throws Exception {
    world.dataset("weather", classificationCsv(), "label");
    ModelVersion mv =
        world.model("rain", LinearModel.classifier(FEATURES, List.of("no", "yes"), W, B));
    world.tamper(mv);
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "rain",
                    1,
                    new DatasetRef("weather", 1),
                    EvalOptions.defaults(),
                    ImportProgress.NONE))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining(mv.sha256());
    assertThat(world.registry.evaluations("rain", 1)).isEmpty();
    assertThat(world.scorers.opened).isEmpty();
  }

  @Test
  void cancellingStoresNothingAndClosesTheScorer() throws Exception {
    world.dataset("weather", classificationCsv(), "label");
    world.model("rain", LinearModel.classifier(FEATURES, List.of("no", "yes"), W, B));
    ImportProgress cancel =
        new ImportProgress() {
          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    assertThatThrownBy(
            () ->
                world.evaluator.evaluate(
                    "rain", 1, new DatasetRef("weather", 1), EvalOptions.defaults(), cancel))
        .isInstanceOf(CancellationException.class);
    assertThat(world.registry.evaluations("rain", 1)).isEmpty();
    assertThat(world.scorers.open.get()).isZero();
  }
}
