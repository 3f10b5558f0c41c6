package io.flightdeck.store;

import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings a workspace database to this build's schema: refuses a schema from a newer Flightdeck,
 * backs up, then runs the Flyway migrations in {@code db/migration} (the one source of schema
 * truth).
 *
 * <p>Backup policy: a consistent copy ({@code BACKUP TO}, a zip) is taken before any migration, and
 * otherwise at most once a day; the newest {@value #KEEP_BACKUPS} are kept.
 */
final class WorkspaceMigrator {
  static final int KEEP_BACKUPS = 5;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  private static final Pattern BACKUP_NAME =
      Pattern.compile("flightdeck-(\\d{8}-\\d{6}-\\d{3})\\.zip");

  /** What opening did to the schema. */
  record Result(
      String previousVersion, String version, boolean migrated, boolean created, Path backup) {}

  private final DataSource dataSource;
  private final Path workspace;
  private final Path dbFile;

  WorkspaceMigrator(DataSource dataSource, Path workspace, Path dbFile) {
    this.dataSource = dataSource;
    this.workspace = workspace;
    this.dbFile = dbFile;
  }

  Result checkBackupAndMigrate(boolean existed, Clock clock) throws IOException {
    java.util.Optional<String> current =
        existed ? upToDate(dataSource) : java.util.Optional.empty();
    if (current.isPresent()) {
      // Fast path: every known migration applied, nothing newer; Flyway (about 1 s to load and
      // scan) is not needed.
      Path backup = backupIfDue(false, clock);
      return new Result(current.get(), current.get(), false, false, backup);
    }
    Flyway flyway = flyway();
    MigrationInfoService info = flyway.info();
    refuseNewerSchema(info);
    String before = versionOf(info.current());
    boolean pending = info.pending().length > 0;
    Path backup = null;
    if (existed) {
      backup = backupIfDue(pending, clock);
    }
    if (pending) {
      flyway.migrate();
    }
    String after = versionOf(flyway.info().current());
    return new Result(before, after, existed && pending, !existed, backup);
  }

  /**
   * Throws when the schema was written by a newer Flightdeck. Only reads, so it can run on a
   * read-only connection.
   */
  void refuseNewerSchema() {
    if (upToDate(dataSource).isEmpty()) {
      refuseNewerSchema(flyway().info());
    }
  }

  /** The migration versions this build ships, from {@code db/migration-index.txt}. */
  static java.util.Set<String> knownVersions() {
    try (java.io.InputStream in =
        WorkspaceMigrator.class.getResourceAsStream("/db/migration-index.txt")) {
      if (in == null) {
        throw new IllegalStateException("db/migration-index.txt is missing from the build");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(java.util.stream.Collectors.toSet());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The schema version when the database has exactly this build's migrations applied, all
   * successfully; empty when anything differs (then Flyway decides: migrate, or refuse a newer
   * schema).
   */
  static java.util.Optional<String> upToDate(DataSource ds) {
    java.util.Set<String> applied = new java.util.HashSet<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
      while (rs.next()) {
        if (!rs.getBoolean(2)) {
          return java.util.Optional.empty();
        }
        applied.add(rs.getString(1));
      }
    } catch (SQLException e) {
      return java.util.Optional.empty(); // no history table yet, or unreadable: let Flyway look
    }
    java.util.Set<String> known = knownVersions();
    if (!applied.equals(known)) {
      return java.util.Optional.empty();
    }
    return known.stream().max(java.util.Comparator.comparing(java.math.BigDecimal::new));
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .cleanDisabled(true)
        .load();
  }

  private void refuseNewerSchema(MigrationInfoService info) {
    List<MigrationInfo> future =
        Arrays.stream(info.applied())
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .toList();
    if (!future.isEmpty()) {
      MigrationInfo newest = future.get(future.size() - 1);
      MigrationInfo[] known = info.all();
      String ours = known.length == 0 ? "none" : versionOf(lastResolved(known));
      throw new FlightdeckException(
          "The workspace "
              + workspace
              + " was written by a newer Flightdeck (schema version "
              + newest.getVersion()
              + "; this Flightdeck knows up to "
              + ours
              + ").",
          "Nothing was changed. Install a newer Flightdeck to open it, or open another workspace with --workspace DIR.");
    }
  }

  private static MigrationInfo lastResolved(MigrationInfo[] all) {
    MigrationInfo last = null;
    for (MigrationInfo m : all) {
      if (m.getState() != MigrationState.FUTURE_SUCCESS
          && m.getState() != MigrationState.FUTURE_FAILED) {
        last = m;
      }
    }
    return last;
  }

  private Path backupIfDue(boolean pending, Clock clock) throws IOException {
    Path dir = Files.createDirectories(workspace.resolve("backups"));
    List<Path> existing = listBackups(dir);
    if (!pending && !existing.isEmpty()) {
      Path newest = existing.get(existing.size() - 1);
      // The stamp in the name comes from the same clock; a file's mtime need not.
      long age = clock.millis() - takenAt(newest).toEpochMilli();
      if (age < Duration.ofDays(1).toMillis()) {
        return newest;
      }
    }
    Path target = dir.resolve("flightdeck-" + STAMP.format(clock.instant()) + ".zip");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new FlightdeckException(
          "Cannot back up the workspace database "
              + dbFile
              + " to "
              + target
              + ": "
              + e.getMessage()
              + ".",
          "Nothing was changed. Free some disk space and open the workspace again.",
          e);
    }
    List<Path> all = listBackups(dir);
    for (int i = 0; i < all.size() - KEEP_BACKUPS; i++) {
      Files.deleteIfExists(all.get(i));
    }
    return target;
  }

  static List<Path> listBackups(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> BACKUP_NAME.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  /** When a backup listed by {@link #listBackups} was taken, from the stamp in its name. */
  static Instant takenAt(Path backup) {
    Matcher m = BACKUP_NAME.matcher(backup.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a workspace backup name: " + backup);
    }
    return Instant.from(STAMP.parse(m.group(1)));
  }

  private static String versionOf(MigrationInfo m) {
    return m == null || m.getVersion() == null ? "0" : m.getVersion().getVersion();
  }
}
