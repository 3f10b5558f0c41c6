package io.flightdeck.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC access to a closed workspace's database, the way someone editing the file behind
 * Flightdeck's back would do it.
 */
final class Db {
  private Db() {}

  static Connection connect(Path workspace) throws SQLException {
    return DriverManager.getConnection(LocalWorkspace.jdbcUrl(workspace.resolve("db")), "sa", "");
  }

  /** Runs statements in one connection; returns the update count of the last. */
  static int execute(Path workspace, String... sql) throws SQLException {
    try (Connection c = connect(workspace);
        Statement s = c.createStatement()) {
      int n = 0;
      for (String statement : sql) {
        s.execute(statement);
        n = s.getUpdateCount();
      }
      return n;
    }
  }

  static Path file(Path workspace) {
    return workspace.resolve("db").resolve(LocalWorkspace.DB_NAME + ".mv.db");
  }

  static byte[] bytes(Path workspace) throws IOException {
    return Files.readAllBytes(file(workspace));
  }
}
