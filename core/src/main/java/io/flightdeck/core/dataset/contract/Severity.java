package io.flightdeck.core.dataset.contract;

/** How bad a validation issue is: any error fails the version. */
public enum Severity {
  WARNING,
  ERROR
}
