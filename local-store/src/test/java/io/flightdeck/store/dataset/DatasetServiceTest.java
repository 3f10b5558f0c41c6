package io.flightdeck.store.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.dataset.BadRowPolicy;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.DatasetRef;
import io.flightdeck.core.dataset.DatasetService;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.ImportPreview;
import io.flightdeck.core.dataset.ImportProgress;
import io.flightdeck.core.dataset.ImportRequest;
import io.flightdeck.core.dataset.ValidationStatus;
import io.flightdeck.core.dataset.contract.IssueKind;
import io.flightdeck.core.dataset.contract.SchemaContract;
import io.flightdeck.core.dataset.contract.ValidationIssue;
import io.flightdeck.core.dataset.contract.ValidationReport;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.store.LocalWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset service over a real H2 workspace and real files. */
class DatasetServiceTest {
  static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
  @TempDir Path tmp;

  private LocalWorkspace open() {
    return LocalWorkspace.open(tmp.resolve("ws"), Clock.fixed(NOW, ZoneOffset.UTC), () -> "tester");
  }

  private Path csv(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static DatasetVersionInfo importFile(DatasetService ds, Path f, String name) {
    ImportPreview p = ds.preview(f, Optional.empty(), Optional.empty());
    return ds.importCsv(ImportRequest.from(p, name), ImportProgress.NONE);
  }

  private static String sha256(Path p) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(p)) {
      d.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private List<Path> tmpFiles() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("ws/store/tmp"))) {
      return s.toList();
    }
  }

  @Test
  void versionsAreNumberedAndRecordTheirLineage() throws Exception {
    Path f = csv("w.csv", "a,b\n1,x\n2,y\n");
    try (LocalWorkspace ws = open()) {
      DatasetService ds = ws.datasets();
      DatasetVersionInfo v1 = importFile(ds, f, "w");
      DatasetVersionInfo v2 = importFile(ds, f, "w");
      assertThat(v1.ref()).isEqualTo(new DatasetRef("w", 1));
      assertThat(v2.ref()).isEqualTo(new DatasetRef("w", 2));
      assertThat(v1.lineage().sourceSha256()).isEqualTo(sha256(f));
      assertThat(v1.lineage().sourceSize()).isEqualTo(Files.size(f));
      assertThat(v1.lineage().sourceModified())
          .isEqualTo(
              Files.getLastModifiedTime(f)
                  .toInstant()
                  .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      assertThat(v1.lineage().sourcePath()).isEqualTo(f.toAbsolutePath().toString());
      assertThat(v1.lineage().importedBy()).isEqualTo("tester");
      assertThat(v1.lineage().importedAt()).isEqualTo(NOW);
      assertThat(v1.lineage().rows()).isEqualTo(2);
      assertThat(v1.lineage().columns()).isEqualTo(2);
      assertThat(v1.dataSha256()).isEqualTo(v2.dataSha256());
      assertThat(ws.artifacts().contains(v1.dataSha256())).isTrue();
      assertThat(ds.list())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.versions()).isEqualTo(2);
                assertThat(s.latest().ref().version()).isEqualTo(2);
              });
      assertThat(tmpFiles()).isEmpty();
    }
    try (LocalWorkspace ws = open()) {
      assertThat(ws.datasets().versions("w")).hasSize(2);
    }
  }

  @Test
  void versionNumbersAreNeverReused() throws Exception {
    Path f = csv("w.csv", "a\n1\n2\n");
    try (LocalWorkspace ws = open()) {
      importFile(ws.datasets(), f, "w");
      importFile(ws.datasets(), f, "w");
    }
    // someone deletes the newest version behind Flightdeck's back
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + tmp.resolve("ws/db/flightdeck"), "sa", "");
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM DATASET_VERSION WHERE VERSION = 2");
    }
    try (LocalWorkspace ws = open()) {
      assertThat(importFile(ws.datasets(), f, "w").ref().version()).isEqualTo(3);
      assertThat(ws.datasets().versions("w"))
          .extracting(v -> v.ref().version())
          .containsExactly(1, 3);
    }
  }

  @Test
  void cancellingAnImportLeavesNoVersionAndNoFiles() throws IOException {
    StringBuilder b = new StringBuilder("a,b\n");
    for (int i = 0; i < 300_000; i++) {
      b.append(i).append(',').append(i % 7).append('\n');
    }
    Path f = csv("big.csv", b.toString());
    try (LocalWorkspace ws = open()) {
      DatasetService ds = ws.datasets();
      ImportPreview p = ds.preview(f, Optional.empty(), Optional.empty());
      AtomicInteger checks = new AtomicInteger();
      ImportProgress cancel =
          new ImportProgress() {
            @Override
            public boolean isCancelled() {
              return checks.incrementAndGet() > 5;
            }
          };
      assertThatThrownBy(() -> ds.importCsv(ImportRequest.from(p, "big"), cancel))
          .isInstanceOf(CancellationException.class);
      assertThat(ds.list()).isEmpty();
      assertThat(ds.versions("big")).isEmpty();
      assertThat(tmpFiles()).isEmpty();
      assertThat(
              ws.audit()
                  .list(new AuditQuery("dataset", "", Optional.empty(), Optional.empty(), 10)))
          .isEmpty();
    }
  }

  @Test
  void aBadFileStoresNothing() throws IOException {
    Path f = csv("bad.csv", "a,b\n1,2\n3,4,5\n");
    try (LocalWorkspace ws = open()) {
      DatasetService ds = ws.datasets();
      assertThatThrownBy(() -> importFile(ds, f, "bad"))
          .isInstanceOf(FlightdeckException.class)
          .hasMessageContaining("line 3 has 3 fields");
      assertThat(ds.list()).isEmpty();
      assertThat(tmpFiles()).isEmpty();
      ImportPreview p = ds.preview(f, Optional.empty(), Optional.empty());
      DatasetVersionInfo v =
          ds.importCsv(
              ImportRequest.from(p, "bad").withBadRows(BadRowPolicy.SKIP_AND_COUNT),
              ImportProgress.NONE);
      assertThat(v.lineage().skippedRows()).isEqualTo(1);
    }
  }

  @Test
  void invalidNamesAndUnknownVersionsAreRefusedClearly() throws IOException {
    Path f = csv("w.csv", "a\n1\n");
    try (LocalWorkspace ws = open()) {
      DatasetService ds = ws.datasets();
      assertThatThrownBy(() -> importFile(ds, f, "../etc")).hasMessageContaining("'..'");
      assertThatThrownBy(() -> importFile(ds, f, "/abs")).hasMessageContaining("starts with '/'");
      assertThatThrownBy(() -> importFile(ds, f, "a:b"))
          .hasMessageContaining("contains characters");
      importFile(ds, f, "w");
      assertThatThrownBy(() -> ds.version(new DatasetRef("w", 7)))
          .isInstanceOf(FlightdeckException.class)
          .hasMessageContaining("no dataset version w:7")
          .satisfies(e -> assertThat(((FlightdeckException) e).hint()).contains("versions 1 to 1"));
    }
  }

  @Test
  void sampleValidationOverrideAndAudit() {
    try (LocalWorkspace ws = open()) {
      DatasetService ds = ws.datasets();
      List<DatasetVersionInfo> vs = ds.loadSample(ImportProgress.NONE);
      DatasetRef v1 = vs.get(0).ref();
      DatasetRef v2 = vs.get(1).ref();
      assertThat(vs.get(1).validation()).isEqualTo(ValidationStatus.FAILED);
      assertThat(vs.get(1).column("weather").orElseThrow().role()).isEqualTo(ColumnRole.TARGET);
      assertThat(vs.get(1).column("date").orElseThrow().role()).isEqualTo(ColumnRole.TIME);
      ValidationReport r = ds.lastValidation(v2).orElseThrow();
      assertThat(r.issues())
          .extracting(ValidationIssue::kind)
          .contains(
              IssueKind.TYPE_CHANGE,
              IssueKind.NULL_RATE,
              IssueKind.OUT_OF_RANGE,
              IssueKind.UNSEEN_CATEGORY);
      assertThatThrownBy(() -> ds.requireUsable(v2)).hasMessageContaining("failed validation");
      assertThatThrownBy(() -> ds.overrideFailedValidation(v2, " "))
          .hasMessageContaining("needs a reason");
      assertThatThrownBy(() -> ds.overrideFailedValidation(v1, "x"))
          .hasMessageContaining("nothing to override");
      DatasetVersionInfo over = ds.overrideFailedValidation(v2, "wind units fixed downstream");
      assertThat(over.usable()).isTrue();
      assertThat(over.overrideReason()).contains("wind units fixed downstream");
      ds.requireUsable(v2);
      // a new validation needs a new override
      assertThat(ds.validate(v2, Optional.of(v1)).passed()).isFalse();
      assertThat(ds.version(v2).usable()).isFalse();
      assertThat(ds.validate(v1, Optional.empty()).passed()).isTrue();
      assertThat(ds.version(v1).validation()).isEqualTo(ValidationStatus.PASSED);
      List<String> actions =
          ws
              .audit()
              .list(new AuditQuery("dataset", "", Optional.empty(), Optional.empty(), 50))
              .stream()
              .map(AuditEntry::action)
              .toList();
      assertThat(actions)
          .contains(
              "dataset.imported",
              "dataset.contract.saved",
              "dataset.validated",
              "dataset.override");
      assertThat(ws.audit().verify().valid()).isTrue();
      assertThatThrownBy(() -> ds.loadSample(ImportProgress.NONE)).hasMessageContaining("already");
    }
  }

  @Test
  void versionsNeverChangeWhenValidatedOrOverridden() {
    try (LocalWorkspace ws = open()) {
      DatasetService ds = ws.datasets();
      List<DatasetVersionInfo> before = ds.loadSample(ImportProgress.NONE);
      ds.overrideFailedValidation(before.get(1).ref(), "reason");
      DatasetVersionInfo after = ds.version(before.get(1).ref());
      assertThat(after.lineage()).isEqualTo(before.get(1).lineage());
      assertThat(after.schema()).isEqualTo(before.get(1).schema());
      assertThat(after.dataSha256()).isEqualTo(before.get(1).dataSha256());
      assertThat(ds.profiles(after.ref())).isEqualTo(ds.profiles(before.get(1).ref()));
    }
  }

  @Test
  void contractsAreSavedWithHistoryAndUsedForValidation() {
    try (LocalWorkspace ws = open()) {
      DatasetService ds = ws.datasets();
      ds.loadSample(ImportProgress.NONE);
      DatasetRef v1 = new DatasetRef("seattle-weather", 1);
      DatasetRef v2 = new DatasetRef("seattle-weather", 2);
      SchemaContract c = ds.deriveContract(v1);
      String json = c.toJson().replace("\"snow\"", "\"snow\", \"hail\"");
      ds.saveContract(SchemaContract.fromJson(json));
      assertThat(
              ds.contract("seattle-weather")
                  .orElseThrow()
                  .column("weather")
                  .orElseThrow()
                  .allowedCategories())
          .contains("hail");
      ValidationReport r = ds.validate(v2, Optional.empty());
      assertThat(r.against()).contains("saved contract");
      assertThat(r.issues()).noneMatch(i -> i.kind() == IssueKind.UNSEEN_CATEGORY);
      assertThatThrownBy(
              () -> ds.saveContract(new SchemaContract("nope", "", 0.1, false, List.of())))
          .hasMessageContaining("no dataset nope");
    }
  }
}
