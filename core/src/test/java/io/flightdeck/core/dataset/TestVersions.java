package io.flightdeck.core.dataset;

import io.flightdeck.core.dataset.columnar.ColumnarReader;
import io.flightdeck.core.dataset.csv.CsvPreviewer;
import io.flightdeck.core.dataset.drift.DriftAnalyzer;
import io.flightdeck.core.dataset.ingest.CsvImporter;
import io.flightdeck.core.dataset.ingest.ImportOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Imports CSV text into a columnar file without a database, for core tests: a version record, its
 * profiles and an open reader (closed by the test).
 */
public record TestVersions(
    DatasetVersionInfo info, List<ColumnProfile> profiles, ColumnarReader data)
    implements AutoCloseable {

  /** Imports {@code csv} (text) as version {@code version} of {@code name}. */
  public static TestVersions of(
      Path dir, String name, int version, String csv, UnaryOperator<ImportRequest> adjust) {
    try {
      Path f = Files.createTempFile(Files.createDirectories(dir), name + "-" + version, ".csv");
      Files.writeString(f, csv, StandardCharsets.UTF_8);
      return ofFile(dir, name, version, f, adjust);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports a file. */
  public static TestVersions ofFile(
      Path dir, String name, int version, Path f, UnaryOperator<ImportRequest> adjust) {
    try {
      ImportPreview p = new CsvPreviewer().preview(f, Optional.empty(), Optional.empty());
      ImportRequest req = adjust.apply(ImportRequest.from(p, name));
      ImportOutcome o = new CsvImporter().run(req, dir.resolve("work"), ImportProgress.NONE);
      Lineage l =
          new Lineage(
              f.toString(),
              o.sourceSize(),
              o.sourceModified(),
              o.sourceSha256(),
              "tester",
              Instant.parse("2024-01-01T00:00:00Z"),
              o.rows(),
              req.columns().size(),
              o.skippedRows(),
              req.dialect());
      DatasetVersionInfo info =
          new DatasetVersionInfo(
              new DatasetRef(name, version),
              l,
              req.columns(),
              o.sourceSha256(),
              o.dataSize(),
              ValidationStatus.NOT_VALIDATED,
              Optional.empty());
      return new TestVersions(info, o.profiles(), ColumnarReader.open(o.dataFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One of the shipped sample files, with the sample's roles. */
  public static TestVersions sample(Path dir, int version) {
    String file = SampleData.FILES.get(version - 1);
    try (InputStream in = SampleData.open(file)) {
      Path f = Files.createDirectories(dir).resolve(file);
      Files.write(f, in.readAllBytes());
      return ofFile(
          dir, SampleData.DATASET, version, f, r -> r.withRole("weather", ColumnRole.TARGET));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The drift analyzer's view. */
  public DriftAnalyzer.Side side() {
    return new DriftAnalyzer.Side(info, data);
  }

  @Override
  public void close() throws IOException {
    data.close();
  }
}
