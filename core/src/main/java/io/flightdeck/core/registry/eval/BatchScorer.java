package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.BadRowPolicy;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.CsvDialect;
import io.flightdeck.core.dataset.DatasetNames;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.registry.ScorerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a dataset version with a model version and saves the rows with their predictions as a new
 * dataset version: every source column, then {@code prediction} (the most probable label, or the
 * predicted value) and, for classifiers, {@code probability_<label>} per class. Rows with a missing
 * feature value are kept with empty predictions. When a source column already has one of these
 * names, all new columns get the suffix {@code _<model>_v<version>}. The new version's lineage
 * source ({@link io.flightdeck.core.dataset.Lineage#sourcePath()}) names both inputs: {@link
 * #lineageSource}.
 *
 * <p>Threading: thread-safe (no mutable state); {@link #score} blocks and must run off the UI
 * thread. Ownership: each call deletes its temporary model copy and CSV file. Errors: {@link
 * FlightdeckException} naming the model version, dataset version, feature or column.
 */
public final class BatchScorer {
  private final RegistryService registry;
  private final DatasetService datasets;
  private final ScorerFactory scorers;

  /**
   * @param registry finds versions and copies artifacts with their hash checked
   * @param datasets reads the source version and imports the scored one
   * @param scorers loads models
   */
  public BatchScorer(RegistryService registry, DatasetService datasets, ScorerFactory scorers) {
    this.registry = registry;
    this.datasets = datasets;
    this.scorers = scorers;
  }

  /** The default name of the scored dataset: {@code <dataset>-scored-<model>-v<version>}. */
  public static String defaultName(DatasetRef dataset, String model, int version) {
    return dataset.name() + "-scored-" + model + "-v" + version;
  }

  /**
   * The lineage source of a scored version: {@code derived: dataset NAME:V (data sha256 HASH)
   * scored by model NAME:V (sha256 HASH)}.
   */
  public static String lineageSource(DatasetVersionInfo dataset, ModelVersion model) {
    return "derived: dataset "
        + dataset.ref()
        + " (data sha256 "
        + dataset.dataSha256()
        + ") scored by model "
        + model.ref()
        + " (sha256 "
        + model.sha256()
        + ")";
  }

  /**
   * Scores into the dataset named {@link #defaultName}.
   *
   * @see #score(String, int, DatasetRef, Map, String, ImportProgress)
   */
  public DatasetVersionInfo score(
      String model,
      int version,
      DatasetRef dataset,
      Map<String, String> mapping,
      ImportProgress progress) {
    return score(model, version, dataset, mapping, null, progress);
  }

  /**
   * Scores every row and imports the result as the next version of {@code outputName}.
   *
   * @param mapping model feature to dataset column where the names differ; empty for none
   * @param outputName the dataset to add the version to; null or blank for {@link #defaultName}
   * @param progress rows scored, then the import's own progress; and the way to cancel
   * @return the new dataset version
   * @throws FlightdeckException when the version or dataset does not exist, a feature has no
   *     numeric column (naming them and the columns that could map), the artifact was altered, or
   *     the output name is invalid
   * @throws java.util.concurrent.CancellationException when cancelled; nothing is stored
   */
  public DatasetVersionInfo score(
      String model,
      int version,
      DatasetRef dataset,
      Map<String, String> mapping,
      String outputName,
      ImportProgress progress) {
    ModelVersion mv = ScoringSupport.liveVersion(registry, model, version);
    DatasetVersionInfo dv = datasets.version(dataset);
    String name =
        DatasetNames.requireValid(
            outputName == null || outputName.isBlank()
                ? defaultName(dataset, model, version)
                : outputName.strip());
    Map<String, String> map = mapping == null ? Map.of() : mapping;
    if (!mv.signature().featureNames().isEmpty()) {
      ColumnMapping.resolve(mv.ref(), mv.signature().featureNames(), dv, map, Set.of());
    }
    return ScoringSupport.withScorer(
        registry,
        scorers,
        mv,
        scorer -> {
          List<String> columns =
              ColumnMapping.resolve(mv.ref(), scorer.features(), dv, map, Set.of());
          boolean classification = "classification".equals(scorer.task());
          List<String> labels =
              !classification
                  ? List.of()
                  : mv.signature().labels().isEmpty() ? scorer.labels() : mv.signature().labels();
          List<ColumnSpec> added = addedColumns(dv, mv, classification, labels);
          Path csv = null;
          try (ColumnarReader data = datasets.openData(dataset)) {
            csv = Files.createTempFile("flightdeck-scored-", ".csv");
            new ScoredCsv(data, dv.schema(), scorer, columns, labels, added).write(csv, progress);
            List<ColumnSpec> all = new ArrayList<>(dv.schema());
            all.addAll(added);
            ImportRequest req =
                new ImportRequest(csv, name, CsvDialect.DEFAULT, all, BadRowPolicy.FAIL);
            return datasets.importDerived(
                req,
                lineageSource(dv, mv) + " with ONNX Runtime on " + scorer.provider(),
                progress);
          } catch (IOException e) {
            throw new FlightdeckException(
                "Cannot score " + dv.ref() + " with " + mv.ref() + ": " + e.getMessage() + ".",
                "Free some space in the temporary folder and try again.",
                e);
          } finally {
            deleteQuietly(csv);
          }
        });
  }

  /** The prediction and probability columns, renamed when a source column has their name. */
  static List<ColumnSpec> addedColumns(
      DatasetVersionInfo dv, ModelVersion mv, boolean classification, List<String> labels) {
    List<String> names = new ArrayList<>();
    names.add("prediction");
    for (String l : labels) {
      names.add("probability_" + l);
    }
    Set<String> taken = new HashSet<>();
    dv.schema().forEach(c -> taken.add(c.name()));
    if (names.stream().anyMatch(taken::contains)) {
      String suffix = "_" + mv.model() + "_v" + mv.version();
      names.replaceAll(n -> n + suffix);
      for (String n : names) {
        if (taken.contains(n)) {
          throw new FlightdeckException(
              "The dataset " + dv.ref() + " already has a column '" + n + "'.",
              "Score the original dataset version instead of one scored by " + mv.ref() + ".");
        }
      }
    }
    List<ColumnSpec> out = new ArrayList<>();
    out.add(
        ColumnSpec.of(names.get(0), classification ? ColumnType.CATEGORICAL : ColumnType.DECIMAL)
            .withRole(ColumnRole.IGNORED));
    for (int i = 1; i < names.size(); i++) {
      out.add(ColumnSpec.of(names.get(i), ColumnType.DECIMAL).withRole(ColumnRole.IGNORED));
    }
    return out;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(BatchScorer.class).warn("Could not delete {}", file, e);
    }
  }
}
