package io.flightdeck.core.dataset;

import io.flightdeck.core.error.FlightdeckException;

/**
 * A dataset version, written {@code NAME:N} (versions are numbered 1, 2, ...).
 *
 * @param name the dataset name
 * @param version the version number, at least 1
 */
public record DatasetRef(String name, int version) {
  /** Checks the name and the version number. */
  public DatasetRef {
    DatasetNames.requireValid(name);
    if (version < 1) {
      throw new FlightdeckException(
          "Dataset version " + version + " of " + name + " does not exist: versions start at 1.",
          "Write the reference as NAME:N, e.g. " + name + ":1.");
    }
  }

  /**
   * Parses {@code NAME:N}.
   *
   * @throws FlightdeckException saying what is wrong with the text and showing the expected form
   */
  public static DatasetRef parse(String text) {
    String hint =
        "Write a dataset version as NAME:N, e.g. weather:2 (see 'flightdeck datasets list').";
    if (text == null || text.isBlank()) {
      throw new FlightdeckException("The dataset reference is empty.", hint);
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new FlightdeckException(
          "The dataset reference '" + text + "' has no version number.", hint);
    }
    String name = text.substring(0, colon);
    String number = text.substring(colon + 1);
    if (name.isEmpty()) {
      throw new FlightdeckException(
          "The dataset reference '" + text + "' has no dataset name before ':'.", hint);
    }
    int version;
    try {
      version = Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          "The dataset reference '"
              + text
              + "' has '"
              + number
              + "' after ':', which is not a version number.",
          hint,
          e);
    }
    return new DatasetRef(name, version);
  }

  @Override
  public String toString() {
    return name + ":" + version;
  }
}
