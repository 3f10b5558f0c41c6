package io.flightdeck.core.dataset.contract;

import java.util.List;

/**
 * One problem found by validation.
 *
 * @param kind what kind of problem
 * @param severity error (fails the version) or warning
 * @param column the column concerned
 * @param count how many cells (or 1 for a column-level problem)
 * @param exampleLines up to {@value #MAX_EXAMPLES} source line numbers of affected rows
 * @param message a sentence saying what was expected and what was found
 */
public record ValidationIssue(
    IssueKind kind,
    Severity severity,
    String column,
    long count,
    List<Long> exampleLines,
    String message) {
  /** How many example lines an issue keeps. */
  public static final int MAX_EXAMPLES = 5;

  /** Copies the lines. */
  public ValidationIssue {
    exampleLines = List.copyOf(exampleLines);
  }
}
