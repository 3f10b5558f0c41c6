package io.flightdeck.controllers.datasets;

import io.flightdeck.core.dataset.contract.ValidationIssue;
import io.flightdeck.core.dataset.contract.ValidationReport;
import io.flightdeck.views.datasets.ValidationIssueRow;
import java.util.List;
import java.util.stream.Collectors;

/** Validation reports as table rows and a summary line. */
final class ValidationRows {
  private ValidationRows() {}

  static List<ValidationIssueRow> rows(ValidationReport r) {
    return r.issues().stream().map(ValidationRows::row).toList();
  }

  private static ValidationIssueRow row(ValidationIssue i) {
    String examples =
        i.exampleLines().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return new ValidationIssueRow(
        i.severity().name(),
        i.column(),
        i.kind().name().toLowerCase().replace('_', ' '),
        i.count(),
        examples,
        i.message());
  }

  static String summary(ValidationReport r) {
    long errors = r.issues().stream().filter(i -> i.severity().name().equals("ERROR")).count();
    long warnings = r.issues().size() - errors;
    return (r.passed() ? "PASSED" : "FAILED")
        + ": "
        + r.version()
        + " against the contract"
        + (r.against() == null || r.against().isEmpty() ? "" : " of " + r.against())
        + " — "
        + errors
        + " errors, "
        + warnings
        + " warnings, "
        + r.rows()
        + " rows checked at "
        + r.at();
  }
}
