package io.flightdeck.core.workspace;

import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.tracking.TrackingService;
import java.nio.file.Path;

/**
 * An open workspace: the user's database and artifact store, held exclusively by this process until
 * closed.
 *
 * <p>Ownership: whoever opened it closes it. Services returned here are valid until then and are
 * thread-safe.
 */
public interface Workspace extends AutoCloseable {
  /** The workspace folder. */
  Path dir();

  /** The audit trail. */
  AuditLog audit();

  /** The content-addressed artifact store. */
  ArtifactStore artifacts();

  /** Feature datasets: import, versions, profiles, contracts, validation and drift. */
  DatasetService datasets();

  /** Experiment tracking: experiments, runs, metrics, params, tags, logs and jobs. */
  TrackingService tracking();

  /** The model registry: versions, aliases and their history, approvals, integrity, evaluations. */
  RegistryService registry();

  /** The host inventory (remote hosts reached over SSH). */
  io.flightdeck.core.hosts.HostService hosts();

  /** Facts about the workspace for display (blocks on a small query). */
  WorkspaceSummary summary();

  /** Closes the database and releases the lock. Idempotent. */
  @Override
  void close();
}
