package io.flightdeck.core.dataset;

import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.dataset.contract.ContractDeriver;
import io.flightdeck.core.dataset.contract.SchemaContract;
import io.flightdeck.core.dataset.contract.ValidationReport;
import io.flightdeck.core.dataset.contract.Validator;
import io.flightdeck.core.dataset.csv.CsvPreviewer;
import io.flightdeck.core.dataset.drift.DriftAnalyzer;
import io.flightdeck.core.dataset.drift.DriftOptions;
import io.flightdeck.core.dataset.drift.DriftOverTime;
import io.flightdeck.core.dataset.drift.DriftReport;
import io.flightdeck.core.dataset.drift.DriftTimeline;
import io.flightdeck.core.dataset.ingest.CsvExporter;
import io.flightdeck.core.dataset.ingest.CsvImporter;
import io.flightdeck.core.dataset.ingest.ImportOutcome;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.io.AtomicFiles;
import io.flightdeck.core.workspace.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Feature datasets: preview and import CSV files as numbered immutable versions, list them, read
 * their profiles and rows, export them, derive and save schema contracts, validate versions, and
 * compute drift between versions and over time. The one entry point for the window and the command
 * line.
 *
 * <p>Threading: thread-safe; every method blocks on file and database I/O (imports and drift for
 * minutes on large files) and must be called off the UI thread. Long methods take an {@link
 * ImportProgress} for progress and cancellation; a cancelled call throws {@link
 * CancellationException} and leaves nothing behind.
 *
 * <p>Errors: expected failures are {@link FlightdeckException}s whose message names the file, line,
 * column or dataset version and whose hint says what to do. State changes are written to the audit
 * trail ({@code dataset.imported}, {@code dataset.contract.saved}, {@code dataset.validated},
 * {@code dataset.override}).
 *
 * <p>Ownership: the service owns nothing that needs closing; the workspace that created it owns the
 * repository and the store.
 */
public final class DatasetService {
  private final DatasetRepository repo;
  private final ArtifactStore store;
  private final AuditLog audit;
  private final Path tmpDir;
  private final Clock clock;
  private final Supplier<String> actor;
  private final CsvPreviewer previewer = new CsvPreviewer();
  private final CsvImporter importer = new CsvImporter();

  /**
   * @param repo the metadata store
   * @param store the artifact store that holds the columnar data files
   * @param audit the audit trail
   * @param tmpDir where imports write before moving into the store (cleaned on workspace open, so a
   *     killed import leaves nothing behind)
   * @param clock the time source
   * @param actor who is acting
   */
  public DatasetService(
      DatasetRepository repo,
      ArtifactStore store,
      AuditLog audit,
      Path tmpDir,
      Clock clock,
      Supplier<String> actor) {
    this.repo = repo;
    this.store = store;
    this.audit = audit;
    this.tmpDir = tmpDir;
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * Looks at the start of a CSV file (up to 4 MB) and proposes dialect, names, types and roles.
   *
   * @param encoding the encoding, or empty to detect UTF-8 (with or without BOM); on invalid UTF-8
   *     the preview uses Latin-1 and names the first bad byte in {@link
   *     ImportPreview#encodingProblem()} so the user can accept it
   * @param dialect delimiter, header and quote to use instead of detecting them, or empty
   * @throws FlightdeckException for a missing, empty, binary or UTF-16 file
   */
  public ImportPreview preview(
      Path file, Optional<TextEncoding> encoding, Optional<CsvDialect> dialect) {
    return previewer.preview(file, encoding, dialect);
  }

  /**
   * Imports a CSV file as the next version of a dataset: one pass that checks every row, writes the
   * columnar data file and computes the profiles; then the file goes into the store and the version
   * into the database in one transaction. Nothing is stored when it fails or is cancelled.
   *
   * @throws FlightdeckException for bad input (ragged rows, values of the wrong type, invalid
   *     bytes, an over-long record, an empty file), naming file, line and column
   * @throws CancellationException when cancelled
   */
  public DatasetVersionInfo importCsv(ImportRequest request, ImportProgress progress) {
    return importAs(request, request.file().toAbsolutePath().toString(), progress);
  }

  /**
   * Imports a CSV file that Flightdeck wrote itself from other workspace objects (for example a
   * dataset version scored by a model version), like {@link #importCsv}, but records {@code
   * derivedFrom} as the version's source ({@link Lineage#sourcePath()}) instead of the temporary
   * file's path, so that the lineage names what the version was made from. The caller still owns
   * and deletes the file.
   *
   * @param derivedFrom a one-line description of the inputs, e.g. {@code "derived: dataset
   *     weather:2 (data sha256 ...) scored by model rain:3 (sha256 ...)"}
   * @throws FlightdeckException as {@link #importCsv}
   * @throws CancellationException when cancelled
   */
  public DatasetVersionInfo importDerived(
      ImportRequest request, String derivedFrom, ImportProgress progress) {
    if (derivedFrom == null || derivedFrom.isBlank()) {
      throw new IllegalArgumentException("A derived version needs a description of its inputs");
    }
    return importAs(request, derivedFrom.strip(), progress);
  }

  private DatasetVersionInfo importAs(
      ImportRequest request, String sourceLabel, ImportProgress progress) {
    DatasetNames.requireValid(request.datasetName());
    ImportOutcome o = importer.run(request, tmpDir, progress);
    try {
      String sha;
      try (InputStream in = Files.newInputStream(o.dataFile())) {
        sha = store.put(in);
      }
      if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Import of " + request.file() + " cancelled");
      }
      Lineage lineage =
          new Lineage(
              sourceLabel,
              o.sourceSize(),
              o.sourceModified(),
              o.sourceSha256(),
              actor.get(),
              clock.instant(),
              o.rows(),
              request.columns().size(),
              o.skippedRows(),
              request.dialect());
      DatasetVersionInfo v =
          repo.addVersion(
              new NewVersion(
                  request.datasetName(),
                  lineage,
                  request.columns(),
                  sha,
                  o.dataSize(),
                  o.profiles(),
                  o.skippedLines()));
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("source", sourceLabel);
      d.put("sourceSha256", o.sourceSha256());
      d.put("rows", o.rows());
      d.put("columns", request.columns().size());
      d.put("skippedRows", o.skippedRows());
      d.put("data", sha);
      audit.append(AuditEvent.of("dataset.imported", "dataset", v.ref().toString(), d));
      return v;
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot store the imported data of " + request.file() + ": " + e.getMessage() + ".",
          "Free some disk space and import again.",
          e);
    } finally {
      try {
        Files.deleteIfExists(o.dataFile());
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(DatasetService.class)
            .warn(
                "Could not delete {}; it goes when the workspace is next opened", o.dataFile(), e);
      }
    }
  }

  /** Every dataset with its newest version, by name. Blocking. */
  public List<DatasetSummary> list() {
    return repo.list();
  }

  /** A dataset's versions, oldest first; empty if there is no such dataset. Blocking. */
  public List<DatasetVersionInfo> versions(String dataset) {
    return repo.versions(dataset);
  }

  /**
   * One version.
   *
   * @throws FlightdeckException when it does not exist, saying which versions do
   */
  public DatasetVersionInfo version(DatasetRef ref) {
    return repo.find(ref)
        .orElseThrow(
            () -> {
              List<DatasetVersionInfo> vs = repo.versions(ref.name());
              String hint =
                  vs.isEmpty()
                      ? "See 'flightdeck datasets list' for the datasets in this workspace."
                      : ref.name()
                          + " has versions 1 to "
                          + vs.get(vs.size() - 1).ref().version()
                          + ".";
              return new FlightdeckException(
                  "There is no dataset version " + ref + " in this workspace.", hint);
            });
  }

  /** A version's column profiles, in column order. Blocking. */
  public List<ColumnProfile> profiles(DatasetRef ref) {
    version(ref);
    return repo.profiles(ref);
  }

  /** The first {@code limit} rows of a version as text. Blocking. */
  public List<List<String>> head(DatasetRef ref, int limit) {
    DatasetVersionInfo v = version(ref);
    try (ColumnarReader r = open(v)) {
      return CsvExporter.head(r, v.schema(), limit);
    } catch (IOException e) {
      throw unreadable(v, e);
    }
  }

  /**
   * Writes a version to a CSV file (gzipped when the name ends in {@code .gz}), checking the data
   * file's SHA-256 first; written to a temporary file and renamed, so a failure leaves no partial
   * file.
   *
   * @return rows written
   * @throws FlightdeckException when the data file was altered or the target cannot be written
   */
  public long export(DatasetRef ref, Path out, ImportProgress progress) {
    DatasetVersionInfo v = version(ref);
    try {
      store.openVerified(v.dataSha256()).close(); // opening re-hashes the whole file
    } catch (IOException e) {
      throw unreadable(v, e);
    }
    Path abs = out.toAbsolutePath();
    long[] rows = {0};
    try (ColumnarReader r = open(v)) {
      boolean gzip = abs.getFileName().toString().endsWith(".gz");
      AtomicFiles.write(abs, os -> rows[0] = CsvExporter.write(r, v.schema(), os, gzip, progress));
      return rows[0];
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot export " + ref + " to " + abs + ": " + e.getMessage() + ".",
          "Choose a writable folder with free space.",
          e);
    }
  }

  /**
   * Opens a version's columnar data for reading, after re-checking the data file's SHA-256 (the
   * whole file is hashed once), for readers such as model evaluation and batch scoring.
   *
   * <p>Ownership: the caller closes the reader. It is thread-safe (see {@link ColumnarReader}).
   *
   * @throws FlightdeckException when the version does not exist, or its data file is missing,
   *     altered or unreadable
   */
  public ColumnarReader openData(DatasetRef ref) {
    DatasetVersionInfo v = version(ref);
    try {
      store.openVerified(v.dataSha256()).close(); // opening re-hashes the whole file
      return open(v);
    } catch (IOException e) {
      throw unreadable(v, e);
    }
  }

  /**
   * Derives a contract from a reference version with the default 10 % tolerance (not saved).
   * Blocking: reads the categorical columns.
   */
  public SchemaContract deriveContract(DatasetRef reference) {
    DatasetVersionInfo v = version(reference);
    try (ColumnarReader r = open(v)) {
      return ContractDeriver.derive(
          v, repo.profiles(reference), r, ContractDeriver.DEFAULT_TOLERANCE);
    } catch (IOException e) {
      throw unreadable(v, e);
    }
  }

  /** The dataset's saved contract, if any. Blocking. */
  public Optional<SchemaContract> contract(String dataset) {
    return repo.contract(dataset);
  }

  /**
   * Saves a contract as its dataset's current one and records {@code dataset.contract.saved}.
   *
   * @throws FlightdeckException when the dataset does not exist
   */
  public void saveContract(SchemaContract contract) {
    if (repo.versions(contract.dataset()).isEmpty()) {
      throw new FlightdeckException(
          "There is no dataset " + contract.dataset() + " to save a contract for.",
          "Import a version first.");
    }
    repo.saveContract(contract, actor.get(), clock.instant());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("derivedFrom", contract.derivedFrom());
    d.put("columns", contract.columns().size());
    audit.append(AuditEvent.of("dataset.contract.saved", "dataset", contract.dataset(), d));
  }

  /**
   * Validates a version and records the outcome (the version's status) and {@code
   * dataset.validated}.
   *
   * @param against a reference version to derive the contract from; when empty, the dataset's saved
   *     contract, or else one derived from its first version
   */
  public ValidationReport validate(DatasetRef ref, Optional<DatasetRef> against) {
    DatasetVersionInfo v = version(ref);
    SchemaContract contract;
    String source;
    if (against.isPresent()) {
      contract = deriveContract(against.get());
      source = "a contract derived from " + against.get();
    } else {
      Optional<SchemaContract> saved = repo.contract(ref.name());
      if (saved.isPresent()) {
        contract = saved.get();
        source =
            "the saved contract of "
                + ref.name()
                + (contract.derivedFrom().isEmpty()
                    ? ""
                    : " (derived from " + contract.derivedFrom() + ")");
      } else {
        DatasetRef first = new DatasetRef(ref.name(), 1);
        contract = deriveContract(first);
        source = "a contract derived from " + first + " (no contract is saved)";
      }
    }
    ValidationReport report;
    try (ColumnarReader r = open(v)) {
      report = Validator.validate(contract, source, v, repo.profiles(ref), r, clock.instant());
    } catch (IOException e) {
      throw unreadable(v, e);
    }
    repo.saveValidation(ref, report);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("passed", report.passed());
    d.put("errors", report.errors());
    d.put("warnings", report.warnings());
    d.put("against", source);
    audit.append(AuditEvent.of("dataset.validated", "dataset", ref.toString(), d));
    return report;
  }

  /** The newest validation of a version, if any. Blocking. */
  public Optional<ValidationReport> lastValidation(DatasetRef ref) {
    return repo.lastValidation(ref);
  }

  /**
   * Allows a failed version to be used (e.g. for training) and records {@code dataset.override}
   * with the reason.
   *
   * @throws FlightdeckException when the reason is blank or the version did not fail
   */
  public DatasetVersionInfo overrideFailedValidation(DatasetRef ref, String reason) {
    DatasetVersionInfo v = version(ref);
    if (reason == null || reason.isBlank()) {
      throw new FlightdeckException(
          "Overriding the failed validation of " + ref + " needs a reason.",
          "Say why this version may be used anyway; the reason goes into the audit trail.");
    }
    if (v.validation() != ValidationStatus.FAILED) {
      throw new FlightdeckException(
          ref
              + " has not failed validation ("
              + v.validation()
              + "): there is nothing to override.",
          "");
    }
    repo.saveOverride(ref, reason.strip(), actor.get(), clock.instant());
    audit.append(
        AuditEvent.of(
            "dataset.override", "dataset", ref.toString(), Map.of("reason", reason.strip())));
    return version(ref);
  }

  /**
   * Checks that a version may be used for training: it has not failed validation, or the failure
   * was overridden with a reason.
   *
   * @throws FlightdeckException naming the version and how to override
   */
  public DatasetVersionInfo requireUsable(DatasetRef ref) {
    DatasetVersionInfo v = version(ref);
    if (!v.usable()) {
      throw new FlightdeckException(
          ref + " failed validation, so it cannot be used for training.",
          "Fix the data and import a new version, or override the failure with a reason.");
    }
    return v;
  }

  /**
   * Drift of every feature and target column between two versions, and the dataset verdict.
   *
   * @throws CancellationException when cancelled
   */
  public DriftReport drift(
      DatasetRef reference, DatasetRef current, DriftOptions options, ImportProgress progress) {
    DatasetVersionInfo a = version(reference);
    DatasetVersionInfo b = version(current);
    try (ColumnarReader ra = open(a);
        ColumnarReader rb = open(b)) {
      return new DriftAnalyzer()
          .compare(
              new DriftAnalyzer.Side(a, ra),
              new DriftAnalyzer.Side(b, rb),
              options,
              progress,
              clock.instant());
    } catch (IOException e) {
      throw unreadable(b, e);
    }
  }

  /**
   * Drift over time: {@code current} split by its time column into {@code windows} equal spans,
   * each against the whole reference, with the NannyML band from the reference's own windows.
   *
   * @throws FlightdeckException when {@code current} has no time column
   */
  public DriftOverTime driftOverTime(
      DatasetRef reference,
      DatasetRef current,
      int windows,
      DriftOptions options,
      ImportProgress progress) {
    DatasetVersionInfo a = version(reference);
    DatasetVersionInfo b = version(current);
    try (ColumnarReader ra = open(a);
        ColumnarReader rb = open(b)) {
      return new DriftTimeline()
          .byTime(
              new DriftAnalyzer.Side(a, ra),
              new DriftAnalyzer.Side(b, rb),
              windows,
              options,
              progress);
    } catch (IOException e) {
      throw unreadable(b, e);
    }
  }

  /** Drift of each version of a series against the reference. */
  public DriftOverTime driftOverVersions(
      DatasetRef reference,
      List<DatasetRef> series,
      DriftOptions options,
      ImportProgress progress) {
    DatasetVersionInfo a = version(reference);
    List<ColumnarReader> open = new ArrayList<>();
    try (ColumnarReader ra = open(a)) {
      List<DriftAnalyzer.Side> sides = new ArrayList<>();
      for (DatasetRef ref : series) {
        DatasetVersionInfo v = version(ref);
        ColumnarReader r = open(v);
        open.add(r);
        sides.add(new DriftAnalyzer.Side(v, r));
      }
      return new DriftTimeline()
          .byVersions(new DriftAnalyzer.Side(a, ra), sides, options, progress);
    } catch (IOException e) {
      throw unreadable(a, e);
    } finally {
      for (ColumnarReader r : open) {
        try {
          r.close();
        } catch (IOException e) {
          org.slf4j.LoggerFactory.getLogger(DatasetService.class).warn("Could not close", e);
        }
      }
    }
  }

  /**
   * Loads the sample: Seattle weather 2012-2014 as version 1 and a drifted, partly broken 2015 as
   * version 2 of {@value SampleData#DATASET}, derives and saves a contract from version 1 and
   * validates version 2 (which fails), so every dataset screen has something to show.
   *
   * @throws FlightdeckException when the sample dataset already exists
   */
  public List<DatasetVersionInfo> loadSample(ImportProgress progress) {
    if (!repo.versions(SampleData.DATASET).isEmpty()) {
      throw new FlightdeckException(
          "The sample dataset " + SampleData.DATASET + " is already in this workspace.",
          "Open it from the dataset list.");
    }
    List<DatasetVersionInfo> out = new ArrayList<>();
    for (String resource : SampleData.FILES) {
      Path copy = SampleData.copyToTemp(resource, tmpDir);
      try {
        ImportPreview p = preview(copy, Optional.of(TextEncoding.UTF_8), Optional.empty());
        ImportRequest req =
            ImportRequest.from(p, SampleData.DATASET).withRole("weather", ColumnRole.TARGET);
        out.add(importAs(req, "sample:" + resource, progress));
      } finally {
        SampleData.deleteQuietly(copy);
      }
    }
    saveContract(deriveContract(out.get(0).ref()));
    validate(out.get(1).ref(), Optional.empty());
    return List.of(version(out.get(0).ref()), version(out.get(1).ref()));
  }

  private ColumnarReader open(DatasetVersionInfo v) throws IOException {
    Path file = store.pathOf(v.dataSha256());
    if (!Files.isRegularFile(file)) {
      throw new FlightdeckException(
          "The data of " + v.ref() + " is missing from the workspace store (" + file + ").",
          "Restore the workspace from a backup, or import the version again.");
    }
    return ColumnarReader.open(file);
  }

  private static FlightdeckException unreadable(DatasetVersionInfo v, IOException e) {
    return new FlightdeckException(
        "Cannot read the data of " + v.ref() + ": " + e.getMessage() + ".",
        "Restore the workspace from a backup, or import the version again.",
        e);
  }
}
