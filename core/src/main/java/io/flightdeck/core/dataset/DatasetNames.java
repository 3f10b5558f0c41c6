package io.flightdeck.core.dataset;

import io.flightdeck.core.error.FlightdeckException;
import java.util.regex.Pattern;

/**
 * Dataset name rules, as MLflow names them: letters, digits, {@code _ - . / } and spaces, at most
 * {@value #MAX_LENGTH} characters, no {@code ..} and no leading {@code /}, so that a name never
 * normalises to another path.
 */
public final class DatasetNames {
  /** The longest name accepted. */
  public static final int MAX_LENGTH = 250;

  private static final Pattern ALLOWED = Pattern.compile("^[/\\w.\\- ]*$");

  private DatasetNames() {}

  /**
   * Returns the name when valid.
   *
   * @throws FlightdeckException naming the rule that the name breaks
   */
  public static String requireValid(String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new FlightdeckException(
          "The dataset name '" + name + "' " + problem + ".",
          "Use letters, digits, '_', '-', '.', '/' and spaces, e.g. --name weather.");
    }
    return name;
  }

  /** Why the name is invalid, or {@code null} when it is valid. */
  public static String problem(String name) {
    if (name == null || name.isBlank()) {
      return "is empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    if (!ALLOWED.matcher(name).matches()) {
      return "contains characters other than letters, digits, '_', '-', '.', '/' and spaces";
    }
    if (name.contains("..")) {
      return "contains '..'";
    }
    if (name.startsWith("/")) {
      return "starts with '/'";
    }
    if (!name.equals(name.strip())) {
      return "starts or ends with a space";
    }
    return null;
  }
}
