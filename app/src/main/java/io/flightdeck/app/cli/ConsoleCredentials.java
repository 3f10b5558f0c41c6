package io.flightdeck.app.cli;

import io.flightdeck.app.jobs.RemoteHosts;
import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.workspace.Workspace;
import java.io.Console;

/**
 * Asks passphrases and passwords on the terminal without echo; without a terminal (scripts, CI)
 * there is nobody to ask and the login fails with a message saying so. Nothing is stored.
 */
final class ConsoleCredentials implements Credentials {
  /** The workspace's remote hosts, asking secrets on this terminal. */
  static RemoteHosts remoteHosts(Workspace ws) {
    return new RemoteHosts(ws, new ConsoleCredentials());
  }

  @Override
  public char[] passphrase(HostConfig host, String keyFile, int attempt) {
    Console c = System.console();
    return c == null
        ? null
        : c.readPassword(
            "%sPassphrase for %s (host %s): ",
            attempt > 1 ? "Wrong passphrase. " : "", keyFile, host.name());
  }

  @Override
  public char[] password(HostConfig host, int attempt) {
    Console c = System.console();
    return c == null
        ? null
        : c.readPassword(
            "%sPassword for %s: ", attempt > 1 ? "Wrong password. " : "", host.address());
  }
}
