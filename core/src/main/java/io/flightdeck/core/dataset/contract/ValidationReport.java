package io.flightdeck.core.dataset.contract;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of validating a dataset version against a schema contract.
 *
 * @param version the version validated ({@code NAME:N})
 * @param against what it was checked against, e.g. {@code contract of weather (derived from
 *     weather:1)}
 * @param at when
 * @param rows rows in the version
 * @param issues the problems found, errors first
 * @param passed whether no issue is an error
 */
public record ValidationReport(
    String version,
    String against,
    Instant at,
    long rows,
    List<ValidationIssue> issues,
    boolean passed) {
  /** Copies the issues. */
  public ValidationReport {
    issues = List.copyOf(issues);
  }

  /** How many issues are errors. */
  public long errors() {
    return issues.stream().filter(i -> i.severity() == Severity.ERROR).count();
  }

  /** How many issues are warnings. */
  public long warnings() {
    return issues.size() - errors();
  }
}
