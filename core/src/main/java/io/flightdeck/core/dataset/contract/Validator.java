package io.flightdeck.core.dataset.contract;

import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a dataset version against a schema contract: missing and new columns, type changes,
 * missing rates, ranges and categories, each with a count and up to five example line numbers. Only
 * columns that may break a rule are read (profiles answer the rest). Stateless; blocking I/O.
 */
public final class Validator {
  private Validator() {}

  /**
   * Validates a version.
   *
   * @param contract the rules
   * @param against a description of where the rules come from, for the report
   * @param version the version
   * @param profiles its profiles
   * @param data its data
   * @param now the time stamp of the report
   */
  public static ValidationReport validate(
      SchemaContract contract,
      String against,
      DatasetVersionInfo version,
      List<ColumnProfile> profiles,
      ColumnarReader data,
      Instant now)
      throws IOException {
    Map<String, ColumnProfile> byName =
        profiles.stream().collect(Collectors.toMap(ColumnProfile::column, Function.identity()));
    List<ValidationIssue> issues = new ArrayList<>();
    long rows = data.rows();
    for (ColumnContract rule : contract.columns()) {
      Optional<ColumnSpec> spec = version.column(rule.name());
      if (spec.isEmpty()) {
        if (rule.required()) {
          issues.add(
              new ValidationIssue(
                  IssueKind.MISSING_COLUMN,
                  Severity.ERROR,
                  rule.name(),
                  1,
                  List.of(),
                  "Column '" + rule.name() + "' (" + rule.type() + ") is missing."));
        }
        continue;
      }
      checkColumn(rule, spec.get(), byName.get(rule.name()), data, rows, issues);
    }
    if (!contract.allowNewColumns()) {
      for (ColumnSpec c : version.schema()) {
        if (contract.column(c.name()).isEmpty()) {
          issues.add(
              new ValidationIssue(
                  IssueKind.NEW_COLUMN,
                  Severity.WARNING,
                  c.name(),
                  1,
                  List.of(),
                  "Column '" + c.name() + "' (" + c.type() + ") is not in the contract."));
        }
      }
    }
    issues.sort(Comparator.comparing((ValidationIssue i) -> i.severity()).reversed());
    boolean passed = issues.stream().noneMatch(i -> i.severity() == Severity.ERROR);
    return new ValidationReport(version.ref().toString(), against, now, rows, issues, passed);
  }

  private static void checkColumn(
      ColumnContract rule,
      ColumnSpec spec,
      ColumnProfile profile,
      ColumnarReader data,
      long rows,
      List<ValidationIssue> issues)
      throws IOException {
    ColumnType actual = spec.type();
    boolean bothNumeric = actual.isNumeric() && rule.type().isNumeric();
    boolean comparable = actual == rule.type() || bothNumeric;
    if (actual != rule.type()) {
      boolean mild = actual.isString() && rule.type().isString();
      issues.add(
          new ValidationIssue(
              IssueKind.TYPE_CHANGE,
              mild ? Severity.WARNING : Severity.ERROR,
              rule.name(),
              1,
              List.of(),
              "Column '"
                  + rule.name()
                  + "' is "
                  + actual
                  + " where the contract expects "
                  + rule.type()
                  + "."));
      comparable |= mild;
    }
    long missing = profile == null ? 0 : profile.missing();
    double rate = rows == 0 ? 0 : (double) missing / rows;
    boolean nullProblem = (!rule.nullable() && missing > 0) || rate > rule.maxMissingRate() + 1e-12;
    boolean rangeCheck =
        comparable
            && actual.isNumeric()
            && (rule.min() != null || rule.max() != null)
            && profile != null
            && profile.min() != null
            && (rule.min() != null && profile.min() < rule.min()
                || rule.max() != null && profile.max() > rule.max()
                || profile.infinite() > 0);
    boolean categoryCheck =
        comparable
            && rule.allowedCategories() != null
            && (actual.isString() || actual == ColumnType.BOOLEAN);
    if (!nullProblem && !rangeCheck && !categoryCheck) {
      return;
    }
    Scan scan = scan(data, data.indexOf(rule.name()), rule, rangeCheck, categoryCheck);
    if (nullProblem) {
      String allowed =
          rule.nullable()
              ? "at most " + percent(rule.maxMissingRate()) + " are allowed"
              : "the contract allows none";
      issues.add(
          new ValidationIssue(
              IssueKind.NULL_RATE,
              Severity.ERROR,
              rule.name(),
              missing,
              scan.nullLines,
              "Column '"
                  + rule.name()
                  + "' has "
                  + missing
                  + " missing values ("
                  + percent(rate)
                  + "); "
                  + allowed
                  + "."));
    }
    if (scan.outOfRange > 0) {
      issues.add(
          new ValidationIssue(
              IssueKind.OUT_OF_RANGE,
              Severity.ERROR,
              rule.name(),
              scan.outOfRange,
              scan.rangeLines,
              "Column '"
                  + rule.name()
                  + "' has "
                  + scan.outOfRange
                  + " values outside ["
                  + bound(rule.min())
                  + ", "
                  + bound(rule.max())
                  + "], e.g. "
                  + String.join(", ", scan.rangeExamples)
                  + "."));
    }
    if (scan.unseen > 0) {
      issues.add(
          new ValidationIssue(
              IssueKind.UNSEEN_CATEGORY,
              Severity.ERROR,
              rule.name(),
              scan.unseen,
              scan.categoryLines,
              "Column '"
                  + rule.name()
                  + "' has "
                  + scan.unseen
                  + " values not among the "
                  + rule.allowedCategories().size()
                  + " allowed categories: "
                  + String.join(", ", scan.unseenValues)
                  + "."));
    }
  }

  private static final class Scan {
    final List<Long> nullLines = new ArrayList<>();
    final List<Long> rangeLines = new ArrayList<>();
    final List<String> rangeExamples = new ArrayList<>();
    final List<Long> categoryLines = new ArrayList<>();
    final Set<String> unseenValues = new LinkedHashSet<>();
    long outOfRange;
    long unseen;
  }

  private static Scan scan(
      ColumnarReader data, int col, ColumnContract rule, boolean range, boolean categories)
      throws IOException {
    Scan s = new Scan();
    double lo = rule.min() == null ? Double.NEGATIVE_INFINITY : rule.min();
    double hi = rule.max() == null ? Double.POSITIVE_INFINITY : rule.max();
    Set<String> allowed = categories ? new HashSet<>(rule.allowedCategories()) : Set.of();
    int max = ValidationIssue.MAX_EXAMPLES;
    for (int g = 0; g < data.groups(); g++) {
      ColumnChunk chunk = data.chunk(g, col);
      long[] lines = null;
      for (int i = 0; i < chunk.rows(); i++) {
        if (chunk.isNull(i)) {
          if (s.nullLines.size() < max) {
            lines = lines == null ? data.lines(g) : lines;
            s.nullLines.add(lines[i]);
          }
          continue;
        }
        if (range) {
          double v = chunk.doubleAt(i);
          if (v < lo || v > hi) {
            s.outOfRange++;
            if (s.rangeLines.size() < max) {
              lines = lines == null ? data.lines(g) : lines;
              s.rangeLines.add(lines[i]);
              s.rangeExamples.add(format(chunk, i));
            }
          }
        }
        if (categories) {
          String v =
              chunk.type() == ColumnType.BOOLEAN
                  ? (chunk.booleanAt(i) ? "true" : "false")
                  : chunk.stringAt(i);
          if (!allowed.contains(v)) {
            s.unseen++;
            if (s.unseenValues.size() < max) {
              s.unseenValues.add("'" + v + "'");
            }
            if (s.categoryLines.size() < max) {
              lines = lines == null ? data.lines(g) : lines;
              s.categoryLines.add(lines[i]);
            }
          }
        }
      }
    }
    return s;
  }

  private static String format(ColumnChunk chunk, int i) {
    return chunk.type() == ColumnType.INTEGER
        ? Long.toString(chunk.longAt(i))
        : Double.toString(chunk.doubleAt(i));
  }

  private static String bound(Double b) {
    return b == null ? "any" : String.format(java.util.Locale.ROOT, "%.6g", b);
  }

  private static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.2f %%", share * 100);
  }
}
