package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast start-up path trusts db/migration-index.txt: it must list exactly the shipped
 * migrations.
 */
class MigrationIndexTest {
  @TempDir Path tmp;

  @Test
  void indexListsEveryMigrationFile() throws Exception {
    Set<String> files;
    try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
      files =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.matches("V[0-9.]+__.*\\.sql"))
              .map(n -> n.substring(1, n.indexOf("__")))
              .collect(Collectors.toSet());
    }
    assertThat(WorkspaceMigrator.knownVersions()).isEqualTo(files);
  }

  @Test
  void anUpToDateWorkspaceIsRecognisedWithoutFlyway() {
    Path ws = tmp.resolve("ws");
    LocalWorkspace.open(ws, Clock.systemUTC(), () -> "t").close();
    org.h2.jdbcx.JdbcConnectionPool pool =
        org.h2.jdbcx.JdbcConnectionPool.create(LocalWorkspace.jdbcUrl(ws.resolve("db")), "sa", "");
    try {
      String newest =
          WorkspaceMigrator.knownVersions().stream()
              .max(java.util.Comparator.comparing(java.math.BigDecimal::new))
              .orElseThrow();
      assertThat(WorkspaceMigrator.upToDate(pool)).contains(newest);
    } finally {
      pool.dispose();
    }
  }
}
