package io.flightdeck.core.registry.eval;

import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.TextEncoding;
import io.flightdeck.core.registry.ModelVersion;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.tracking.InMemoryTrackingRepository;
import io.flightdeck.core.workspace.TempArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The real dataset service and registry over in-memory repositories and a temporary artifact store,
 * with {@link LinearModel} standing in for ONNX models.
 */
final class EvalWorld {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  final Path root;
  final TempArtifactStore store;
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InMemoryRegistryRepository registryRepo = new InMemoryRegistryRepository();
  final LinearModel.Factory scorers = new LinearModel.Factory();
  final DatasetService datasets;
  final RegistryService registry;
  final ModelEvaluator evaluator;
  final BatchScorer batch;
  private int files;

  EvalWorld(Path root) throws IOException {
    this.root = root;
    this.store = new TempArtifactStore(root.resolve("store"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    datasets =
        new DatasetService(
            new InMemoryDatasetRepository(), store, audit, tmp, clock, () -> "alice");
    registry =
        new RegistryService(
            registryRepo,
            store,
            new InMemoryTrackingRepository(),
            new LinearModel.Inspector(),
            audit,
            clock,
            () -> "alice",
            () -> false);
    evaluator = new ModelEvaluator(registry, datasets, scorers, clock, () -> "alice");
    batch = new BatchScorer(registry, datasets, scorers);
  }

  /** Imports CSV text as the next version of a dataset, with {@code target} as its target. */
  DatasetVersionInfo dataset(String name, String csv, String target) throws IOException {
    Path f = root.resolve("data-" + (++files) + ".csv");
    Files.writeString(f, csv);
    ImportRequest req =
        ImportRequest.from(
            datasets.preview(f, Optional.of(TextEncoding.UTF_8), Optional.empty()), name);
    if (target != null) {
      req = req.withRole(target, ColumnRole.TARGET);
    }
    return datasets.importCsv(req, ImportProgress.NONE);
  }

  /** Registers a {@link LinearModel} JSON as the next version of a model. */
  ModelVersion model(String name, String json) throws IOException {
    Path dir = Files.createDirectories(root.resolve("model-" + (++files)));
    Path f = dir.resolve("model.onnx");
    Files.writeString(f, json);
    return registry.registerFile(f, name, "");
  }

  /** Changes one byte of a stored artifact. */
  void tamper(ModelVersion v) throws IOException {
    Path p = store.pathOf(v.sha256());
    byte[] b = Files.readAllBytes(p);
    b[b.length / 2] ^= 1;
    Files.write(p, b);
  }
}
