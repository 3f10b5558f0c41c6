package io.flightdeck.core.hosts;

/**
 * The agent on a host compared with the one this Flightdeck ships.
 *
 * @param installedSha256 the SHA-256 of the installed agent jar; empty when none is installed
 * @param installedVersion its version; empty when none is installed
 * @param bundledSha256 the SHA-256 of the agent jar this Flightdeck would install
 * @param bundledVersion its version
 * @param path the installed jar's absolute path on the host; empty when none
 */
public record AgentStatus(
    String installedSha256,
    String installedVersion,
    String bundledSha256,
    String bundledVersion,
    String path) {
  public boolean installed() {
    return !installedSha256.isEmpty();
  }

  /** Whether the installed agent is exactly the one this Flightdeck ships. */
  public boolean current() {
    return installedSha256.equals(bundledSha256);
  }

  /** One line for display. */
  public String describe() {
    if (!installed()) {
      return "not installed (this Flightdeck ships agent " + bundledVersion + ")";
    }
    return "agent "
        + installedVersion
        + " ("
        + installedSha256.substring(0, 12)
        + ")"
        + (current() ? ", current" : ", differs from the shipped " + bundledVersion + ": upgrade");
  }
}
