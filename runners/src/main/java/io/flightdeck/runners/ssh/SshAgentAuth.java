package io.flightdeck.runners.ssh;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import java.io.IOException;
import net.schmizz.sshj.SSHClient;

/** Public-key authentication with the keys of the running ssh-agent. */
final class SshAgentAuth {
  private SshAgentAuth() {}

  static void authenticate(SSHClient ssh, HostConfig host) throws IOException {
    throw new FlightdeckException(
        "ssh-agent authentication is not available yet.", "Choose a key file instead.");
  }
}
