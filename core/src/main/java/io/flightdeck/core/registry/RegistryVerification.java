package io.flightdeck.core.registry;

import java.util.List;

/**
 * The result of re-hashing every registered artifact.
 *
 * @param checked how many versions were checked
 * @param problems the versions whose artifact is missing or altered; empty when all are consistent
 */
public record RegistryVerification(int checked, List<Problem> problems) {
  public RegistryVerification {
    problems = List.copyOf(problems);
  }

  /** True when every artifact matched its recorded hash. */
  public boolean consistent() {
    return problems.isEmpty();
  }

  /**
   * One artifact that does not match.
   *
   * @param model the model
   * @param version the version
   * @param file the store file
   * @param expected the SHA-256 recorded with the version
   * @param actual the SHA-256 found, or "missing"
   */
  public record Problem(String model, int version, String file, String expected, String actual) {}
}
