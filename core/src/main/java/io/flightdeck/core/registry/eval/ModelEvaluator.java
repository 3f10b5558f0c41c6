package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.EvaluationResult;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.registry.Scorer;
import io.flightdeck.core.registry.ScorerFactory;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Evaluates a model version on a dataset version: checks that the dataset has a numeric column for
 * every model feature (or a mapping to one) and the target, copies the model out of the store with
 * its hash re-checked (a tampered artifact is refused), scores every complete row in batches,
 * computes the metrics, fairness by a group column, permutation importance on a sample, and stores
 * the result with the version.
 *
 * <p>Headline metrics ({@link EvaluationResult#metrics()}): classification {@code accuracy}, {@code
 * precision}, {@code recall}, {@code f1} (binary: of the second label; multiclass: macro), their
 * {@code _macro} and {@code _weighted} forms, {@code roc_auc} (binary, or macro one-vs-rest),
 * {@code log_loss}, {@code average_precision} (binary); regression {@code rmse}, {@code mae},
 * {@code r2}. Undefined metrics (ROC AUC with one class present) are left out. The full {@link
 * EvaluationReport} is the result's {@code detailJson}. Target values are matched to the model's
 * labels as text; rows whose target is none of the labels are skipped and counted ({@link
 * EvaluationReport#unknownTargetRows()}), like rows with a missing feature value or target ({@link
 * EvaluationReport#skippedRows()}).
 *
 * <p>Threading: thread-safe (no mutable state); {@link #evaluate} blocks for as long as scoring
 * takes and must run off the UI thread. Ownership: the evaluator owns nothing; each call closes the
 * scorer and the data it opened and deletes its temporary model copy. Errors: {@link
 * FlightdeckException} naming the model version, dataset version, column or feature.
 */
public final class ModelEvaluator {
  /** The most rows permutation importance scores (a seeded uniform sample beyond that). */
  public static final int IMPORTANCE_SAMPLE = EvalPass.SAMPLE;

  private final RegistryService registry;
  private final DatasetService datasets;
  private final ScorerFactory scorers;
  private final Clock clock;
  private final Supplier<String> user;

  /**
   * @param registry finds versions, copies artifacts with their hash checked, stores evaluations
   * @param datasets reads dataset versions
   * @param scorers loads models (ONNX Runtime in the app and agent)
   * @param clock the time of the evaluation
   * @param user who evaluates
   */
  public ModelEvaluator(
      RegistryService registry,
      DatasetService datasets,
      ScorerFactory scorers,
      Clock clock,
      Supplier<String> user) {
    this.registry = registry;
    this.datasets = datasets;
    this.scorers = scorers;
    this.clock = clock;
    this.user = user;
  }

  /**
   * Evaluates and stores the result.
   *
   * @param progress rows read so far ({@code rows} and {@code bytes} are both rows; {@code
   *     totalBytes} is the dataset's row count) and the way to cancel
   * @return the stored evaluation, with its id
   * @throws FlightdeckException when the version or dataset does not exist, the version was
   *     deleted, a feature or the target has no usable column (naming them and the columns that
   *     could map), the artifact was altered, or no row could be scored
   * @throws java.util.concurrent.CancellationException when cancelled; nothing is stored
   */
  public EvaluationResult evaluate(
      String model, int version, DatasetRef dataset, EvalOptions options, ImportProgress progress) {
    ModelVersion mv = ScoringSupport.liveVersion(registry, model, version);
    DatasetVersionInfo dv = datasets.version(dataset);
    String target = ColumnMapping.target(dv, options.target());
    String group =
        options.groupColumn() == null || options.groupColumn().isBlank()
            ? null
            : ColumnMapping.requireColumn(dv, options.groupColumn(), "group");
    Set<String> exclude = Set.of(target);
    if (!mv.signature().featureNames().isEmpty()) {
      ColumnMapping.resolve(
          mv.ref(), mv.signature().featureNames(), dv, options.columnMapping(), exclude);
    }
    return ScoringSupport.withScorer(
        registry,
        scorers,
        mv,
        scorer -> {
          List<String> columns =
              ColumnMapping.resolve(
                  mv.ref(), scorer.features(), dv, options.columnMapping(), exclude);
          boolean classification = "classification".equals(scorer.task());
          List<String> labels =
              !classification
                  ? List.of()
                  : mv.signature().labels().isEmpty() ? scorer.labels() : mv.signature().labels();
          if (classification && labels.isEmpty()) {
            throw new FlightdeckException(
                "The classifier " + mv.ref() + " does not name its class labels.",
                "Register it with its model.json (labels) so that targets can be matched.");
          }
          if (!classification && !ColumnMapping.usable(dv.column(target).get().type())) {
            throw new FlightdeckException(
                "The target '"
                    + target
                    + "' of "
                    + dv.ref()
                    + " is "
                    + dv.column(target).get().type()
                    + ", but the regression model "
                    + mv.ref()
                    + " predicts numbers.",
                "Choose a numeric target column with --target COLUMN.");
          }
          try (ColumnarReader data = datasets.openData(dataset)) {
            EvalPass pass =
                new EvalPass(data, scorer, columns, target, group, labels, options.seed());
            pass.run(progress);
            EvaluationReport report =
                Reports.build(mv, dv, scorer, pass, columns, labels, options, group, progress);
            return registry.saveEvaluation(
                new EvaluationResult(
                    0,
                    mv.model(),
                    mv.version(),
                    dv.ref().toString(),
                    dv.dataSha256(),
                    report.task(),
                    report.metrics(),
                    report.toJson(),
                    user.get(),
                    clock.instant()));
          } catch (IOException e) {
            throw new FlightdeckException(
                "Cannot read the data of " + dv.ref() + ": " + e.getMessage() + ".",
                "Restore the workspace from a backup, or import the version again.",
                e);
          }
        });
  }

  /**
   * Scores rows through a scorer and checks the output size.
   *
   * @param width outputs per row (labels, or 1 for regression)
   */
  static float[] predict(Scorer scorer, float[] rowMajor, int rows, int width) {
    float[] out = scorer.predict(rowMajor, rows);
    if (out == null || out.length != rows * width) {
      throw new FlightdeckException(
          "The model gave "
              + (out == null ? "no" : Integer.toString(out.length))
              + " outputs for "
              + rows
              + " rows; expected "
              + rows * width
              + ".",
          "Check that the model's labels match its outputs, or register it again.");
    }
    return out;
  }

  /** Scores any number of rows in batches. */
  static float[] predictAll(Scorer scorer, float[] rowMajor, int features, int width) {
    int rows = rowMajor.length / features;
    float[] out = new float[rows * width];
    for (int start = 0; start < rows; start += EvalPass.BATCH) {
      int n = Math.min(EvalPass.BATCH, rows - start);
      float[] part =
          predict(
              scorer,
              Arrays.copyOfRange(rowMajor, start * features, (start + n) * features),
              n,
              width);
      System.arraycopy(part, 0, out, start * width, part.length);
    }
    return out;
  }
}
