package io.flightdeck.store;

import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostService;
import io.flightdeck.core.registry.ModelInspector;
import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.core.tracking.TrackingService;
import io.flightdeck.core.workspace.ArtifactStore;
import io.flightdeck.core.workspace.Workspace;
import io.flightdeck.core.workspace.WorkspaceSummary;
import io.flightdeck.store.dataset.JooqDatasetRepository;
import io.flightdeck.store.hosts.JooqHostRepository;
import io.flightdeck.store.registry.JooqRegistryRepository;
import io.flightdeck.store.tracking.JooqTrackingRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace on the local disk: {@code db/flightdeck.mv.db} (H2), {@code store/} (artifacts),
 * {@code backups/}.
 *
 * <p>Opening follows a fixed order so that nothing is lost whatever goes wrong: lock the folder,
 * open the database read-only to detect corruption or a newer schema (nothing is written until both
 * checks pass), back it up, then migrate. Thread-safe once open; {@link #open} blocks on disk I/O.
 */
public final class LocalWorkspace implements Workspace {
  private static final Logger LOG = LoggerFactory.getLogger(LocalWorkspace.class);
  static final String DB_NAME = "flightdeck";

  private final Path dir;
  private final WorkspaceLock lock;
  private final JdbcConnectionPool pool;
  private final DSLContext db;
  private final JooqAuditLog audit;
  private final FileArtifactStore artifacts;
  private final DatasetService datasets;
  private final TrackingService tracking;
  private final JooqRegistryRepository registryRepo;
  private final RegistryService registry;
  private final HostService hosts;
  private volatile ModelInspector inspector;
  private final WorkspaceMigrator.Result migration;
  private boolean closed;

  private LocalWorkspace(
      Path dir,
      WorkspaceLock lock,
      JdbcConnectionPool pool,
      FileArtifactStore artifacts,
      WorkspaceMigrator.Result migration,
      Clock clock,
      Supplier<String> actor,
      ModelInspector inspector) {
    this.dir = dir;
    this.lock = lock;
    this.pool = pool;
    this.db = DSL.using(pool, SQLDialect.H2);
    this.audit = new JooqAuditLog(db, clock, actor);
    this.artifacts = artifacts;
    this.migration = migration;
    // Imports write to store/tmp, which FileArtifactStore empties on every open.
    this.datasets =
        new DatasetService(
            new JooqDatasetRepository(db),
            artifacts,
            audit,
            dir.resolve("store").resolve("tmp"),
            clock,
            actor);
    this.tracking = new TrackingService(new JooqTrackingRepository(db, clock), audit, clock, actor);
    this.inspector = inspector;
    this.registryRepo = new JooqRegistryRepository(db);
    this.registry =
        new RegistryService(
            registryRepo,
            artifacts,
            tracking.repository(),
            (file, sidecar) -> this.inspector.inspect(file, sidecar),
            audit,
            clock,
            actor,
            registryRepo::sharedWorkspace,
            dir.resolve("store").resolve("tmp"));
    this.hosts = new HostService(new JooqHostRepository(db), audit, clock);
  }

  /**
   * Opens the workspace in {@code dir}, creating it when missing.
   *
   * @param dir the workspace folder
   * @param clock the source of timestamps for the audit trail
   * @param actor who is acting (the operating-system user)
   * @throws io.flightdeck.core.workspace.WorkspaceLockedException when another Flightdeck holds it
   * @throws FlightdeckException when the database is corrupt, from a newer Flightdeck, or not
   *     writable; in every such case the files are left exactly as they were
   */
  public static LocalWorkspace open(Path dir, Clock clock, Supplier<String> actor) {
    return open(dir, clock, actor, UNAVAILABLE);
  }

  /**
   * Opens the workspace as {@link #open(Path, Clock, Supplier)} does, with the inspector that the
   * registry uses to check new models (the agent's child-process inspector in the app).
   */
  public static LocalWorkspace open(
      Path dir, Clock clock, Supplier<String> actor, ModelInspector inspector) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs);
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot create the workspace folder " + abs + ": " + e.getMessage() + ".",
          "Choose a writable folder with --workspace DIR.",
          e);
    }
    WorkspaceLock lock = WorkspaceLock.acquire(abs);
    JdbcConnectionPool pool = null;
    try {
      Path dbDir = Files.createDirectories(abs.resolve("db"));
      Path dbFile = dbDir.resolve(DB_NAME + ".mv.db");
      boolean existed = Files.exists(dbFile);
      if (existed) {
        checkReadOnly(dbDir, dbFile, abs);
      }
      pool = JdbcConnectionPool.create(jdbcUrl(dbDir), "sa", "");
      probe(pool, dbFile);
      WorkspaceMigrator migrator = new WorkspaceMigrator(pool, abs, dbFile);
      WorkspaceMigrator.Result result = migrator.checkBackupAndMigrate(existed, clock);
      FileArtifactStore artifacts = new FileArtifactStore(abs.resolve("store"));
      LocalWorkspace ws =
          new LocalWorkspace(abs, lock, pool, artifacts, result, clock, actor, inspector);
      ws.recordOpen(existed);
      return ws;
    } catch (RuntimeException | IOException e) {
      if (pool != null) {
        pool.dispose();
      }
      closeLock(lock, e);
      if (e instanceof FlightdeckException fe) {
        throw fe;
      }
      throw new FlightdeckException(
          "Cannot open the workspace " + abs + ": " + e.getMessage() + ".",
          "Nothing was changed. Check the folder's permissions and free disk space.",
          e);
    }
  }

  /** Used until a real inspector is given: registering a model is refused. */
  private static final ModelInspector UNAVAILABLE =
      (file, sidecar) -> {
        throw new FlightdeckException(
            "Cannot register " + file + ": model inspection is not available in this session.",
            "Open the workspace from the Flightdeck window or command line, which start the agent"
                + " that inspects models.");
      };

  static String jdbcUrl(Path dbDir) {
    return "jdbc:h2:file:" + dbDir.resolve(DB_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * Probes an existing database and refuses a newer schema on a read-only connection: H2 rewrites
   * parts of the file whenever it opens it for writing, even when nothing is changed.
   */
  private static void checkReadOnly(Path dbDir, Path dbFile, Path workspace) {
    JdbcConnectionPool readOnly =
        JdbcConnectionPool.create(jdbcUrl(dbDir) + ";ACCESS_MODE_DATA=r", "sa", "");
    try {
      probe(readOnly, dbFile);
      new WorkspaceMigrator(readOnly, workspace, dbFile).refuseNewerSchema();
    } finally {
      readOnly.dispose();
    }
  }

  private static void probe(JdbcConnectionPool pool, Path dbFile) {
    try (Connection c = pool.getConnection()) {
      c.createStatement().execute("SELECT 1");
    } catch (SQLException e) {
      throw new FlightdeckException(
          "The workspace database "
              + dbFile
              + " cannot be read: it is corrupt, locked by another program, or not a Flightdeck database"
              + " (H2 says: "
              + firstLine(e.getMessage())
              + ").",
          "Nothing was changed. Restore a copy from the workspace's backups/ folder, or open another workspace with"
              + " --workspace DIR.",
          e);
    }
  }

  private void recordOpen(boolean existed) {
    if (!existed) {
      audit.append(
          AuditEvent.of(
              "workspace.created",
              "workspace",
              dir.toString(),
              Map.of("schema", migration.version())));
    } else if (migration.migrated()) {
      audit.append(
          AuditEvent.of(
              "workspace.migrated",
              "workspace",
              dir.toString(),
              Map.of("from", migration.previousVersion(), "to", migration.version())));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no message";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static void closeLock(WorkspaceLock lock, Exception primary) {
    try {
      lock.close();
    } catch (IOException suppressed) {
      primary.addSuppressed(suppressed);
    }
  }

  @Override
  public Path dir() {
    return dir;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public ArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public DatasetService datasets() {
    return datasets;
  }

  @Override
  public TrackingService tracking() {
    return tracking;
  }

  @Override
  public RegistryService registry() {
    return registry;
  }

  @Override
  public HostService hosts() {
    return hosts;
  }

  /**
   * Replaces the inspector that checks models on registration (for callers that can start it only
   * after the workspace is open). Thread-safe; registrations already running keep the old one.
   */
  public void useInspector(ModelInspector inspector) {
    this.inspector = java.util.Objects.requireNonNull(inspector, "inspector");
  }

  /**
   * Marks the workspace shared (approvals of protected aliases then need a second person) or
   * personal. Audited ({@code workspace.setting}).
   */
  public void setSharedRegistry(boolean sharedWorkspace) {
    registryRepo.setSetting(JooqRegistryRepository.SHARED, Boolean.toString(sharedWorkspace));
    audit.append(
        AuditEvent.of(
            "workspace.setting",
            "workspace",
            dir.toString(),
            Map.of("key", JooqRegistryRepository.SHARED, "value", sharedWorkspace)));
  }

  /** The jOOQ context, for other stores in this module only. */
  DSLContext db() {
    return db;
  }

  @Override
  public WorkspaceSummary summary() {
    return new WorkspaceSummary(
        dir,
        dir.resolve("db").resolve(DB_NAME + ".mv.db"),
        migration.version(),
        audit.count(),
        Optional.ofNullable(migration.backup()),
        migration.created());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    tracking.close(); // stores the metrics still queued while the database is open
    pool.dispose();
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("Could not release the lock of workspace {}", dir, e);
    }
  }
}
