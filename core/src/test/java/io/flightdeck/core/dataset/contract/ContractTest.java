package io.flightdeck.core.dataset.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.TestVersions;
import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contracts derived from the sample's version 1 catch what was planted in version 2. */
class ContractTest {
  @TempDir Path tmp;

  private static ValidationIssue issue(ValidationReport r, IssueKind kind, String column) {
    return r.issues().stream()
        .filter(i -> i.kind() == kind && i.column().equals(column))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " on " + column + " in " + r.issues()));
  }

  @Test
  void derivedContractHasTenPercentTolerance() throws IOException {
    try (TestVersions v1 = TestVersions.sample(tmp, 1)) {
      SchemaContract c = ContractDeriver.derive(v1.info(), v1.profiles(), v1.data(), 0.1);
      assertThat(c.dataset()).isEqualTo("seattle-weather");
      assertThat(c.derivedFrom()).isEqualTo("seattle-weather:1");
      ColumnContract t = c.column("temp_max").orElseThrow();
      assertThat(t.type()).isEqualTo(ColumnType.DECIMAL);
      assertThat(t.nullable()).isFalse();
      assertThat(t.min()).isCloseTo(-1.6 - 0.1 * 37.2, within(1e-9));
      assertThat(t.max()).isCloseTo(35.6 + 0.1 * 37.2, within(1e-9));
      assertThat(c.column("weather").orElseThrow().allowedCategories())
          .containsExactly("drizzle", "fog", "rain", "snow", "sun");
      ColumnContract date = c.column("date").orElseThrow();
      assertThat(date.min()).isNull();
      assertThat(date.allowedCategories()).isNull();
    }
  }

  @Test
  void versionTwoFailsWithEveryPlantedViolation() throws IOException {
    try (TestVersions v1 = TestVersions.sample(tmp, 1);
        TestVersions v2 = TestVersions.sample(tmp, 2)) {
      SchemaContract c = ContractDeriver.derive(v1.info(), v1.profiles(), v1.data(), 0.1);
      ValidationReport r =
          Validator.validate(c, "test", v2.info(), v2.profiles(), v2.data(), Instant.EPOCH);
      assertThat(r.passed()).isFalse();
      ValidationIssue type = issue(r, IssueKind.TYPE_CHANGE, "wind");
      assertThat(type.severity()).isEqualTo(Severity.ERROR);
      assertThat(type.message()).contains("INTEGER").contains("DECIMAL");
      ValidationIssue nulls = issue(r, IssueKind.NULL_RATE, "precipitation");
      assertThat(nulls.count()).isEqualTo(18);
      assertThat(nulls.exampleLines()).containsExactly(9L, 29L, 49L, 69L, 89L);
      ValidationIssue range = issue(r, IssueKind.OUT_OF_RANGE, "temp_max");
      assertThat(range.count()).isEqualTo(2);
      assertThat(range.exampleLines()).containsExactly(202L, 203L);
      assertThat(range.message()).contains("52.1");
      ValidationIssue hail = issue(r, IssueKind.UNSEEN_CATEGORY, "weather");
      assertThat(hail.count()).isEqualTo(3);
      assertThat(hail.exampleLines()).containsExactly(42L, 43L, 47L);
      assertThat(hail.message()).contains("'hail'");
      assertThat(r.issues()).noneMatch(i -> i.column().equals("temp_min"));
      assertThat(r.issues().get(0).severity()).isEqualTo(Severity.ERROR);
    }
  }

  @Test
  void aVersionPassesItsOwnContract() throws IOException {
    try (TestVersions v1 = TestVersions.sample(tmp, 1)) {
      SchemaContract c = ContractDeriver.derive(v1.info(), v1.profiles(), v1.data(), 0.1);
      ValidationReport r =
          Validator.validate(c, "self", v1.info(), v1.profiles(), v1.data(), Instant.EPOCH);
      assertThat(r.issues()).isEmpty();
      assertThat(r.passed()).isTrue();
    }
  }

  @Test
  void missingAndNewColumnsAreReported() throws IOException {
    String a = "id,x,y\n1,1.0,a\n2,2.0,b\n3,3.0,a\n";
    String b = "id,x,z\n1,1.0,5\n2,2.5,6\n";
    try (TestVersions v1 = TestVersions.of(tmp, "d", 1, a, r -> r);
        TestVersions v2 = TestVersions.of(tmp, "d", 2, b, r -> r)) {
      SchemaContract c = ContractDeriver.derive(v1.info(), v1.profiles(), v1.data(), 0.1);
      ValidationReport r =
          Validator.validate(c, "t", v2.info(), v2.profiles(), v2.data(), Instant.EPOCH);
      assertThat(issue(r, IssueKind.MISSING_COLUMN, "y").severity()).isEqualTo(Severity.ERROR);
      assertThat(issue(r, IssueKind.NEW_COLUMN, "z").severity()).isEqualTo(Severity.WARNING);
      assertThat(r.passed()).isFalse();
    }
  }

  @Test
  void contractsRoundTripThroughJsonAndEditsAreChecked() throws IOException {
    try (TestVersions v1 = TestVersions.sample(tmp, 1)) {
      SchemaContract c = ContractDeriver.derive(v1.info(), v1.profiles(), v1.data(), 0.1);
      String json = c.toJson();
      assertThat(SchemaContract.fromJson(json)).isEqualTo(c);
      String edited = json.replace("\"snow\"", "\"snow\", \"hail\"");
      assertThat(
              SchemaContract.fromJson(edited).column("weather").orElseThrow().allowedCategories())
          .contains("hail");
      assertThatThrownBy(
              () -> SchemaContract.fromJson(json.replace("\"tolerance\"", "\"tolerance\" 1,")))
          .isInstanceOf(FlightdeckException.class)
          .hasMessageContaining("line ");
      assertThatThrownBy(
              () ->
                  SchemaContract.fromJson(
                      json.replace("\"maxMissingRate\" : 0.0", "\"maxMissingRate\" : 2.0")))
          .isInstanceOf(FlightdeckException.class)
          .hasMessageContaining("maxMissingRate");
      assertThatThrownBy(() -> SchemaContract.fromJson(json.replace("\"required\"", "\"requird\"")))
          .isInstanceOf(FlightdeckException.class);
    }
  }

  @Test
  void duplicateRuleNamesAreRefused() {
    ColumnContract a = new ColumnContract("a", ColumnType.TEXT, true, true, 1, null, null, null);
    assertThatThrownBy(() -> new SchemaContract("d", "", 0.1, false, List.of(a, a)))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("'a' twice");
  }
}
