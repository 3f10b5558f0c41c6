package io.flightdeck.core.dataset.contract;

/** The kinds of problems validation finds. */
public enum IssueKind {
  /** A required column is missing (error). */
  MISSING_COLUMN,
  /** A column that the contract does not know (warning). */
  NEW_COLUMN,
  /** A column's type differs from the contract (error; categorical/text swap is a warning). */
  TYPE_CHANGE,
  /** More missing values than the contract allows (error). */
  NULL_RATE,
  /** Values below the minimum or above the maximum (error). */
  OUT_OF_RANGE,
  /** Values not among the allowed categories (error). */
  UNSEEN_CATEGORY
}
