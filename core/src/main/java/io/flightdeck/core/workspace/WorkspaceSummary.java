package io.flightdeck.core.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Facts about an open workspace.
 *
 * @param dir the workspace folder
 * @param databaseFile the H2 database file
 * @param schemaVersion the newest applied migration
 * @param auditEntries how many audit entries are stored
 * @param lastBackup the newest database backup, if any
 * @param created whether this open created the workspace
 */
public record WorkspaceSummary(
    Path dir,
    Path databaseFile,
    String schemaVersion,
    long auditEntries,
    Optional<Path> lastBackup,
    boolean created) {}
