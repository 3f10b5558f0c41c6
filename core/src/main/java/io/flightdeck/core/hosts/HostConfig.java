package io.flightdeck.core.hosts;

import java.time.Instant;

/**
 * A host of the inventory, as stored. Holds no secret: passphrases and passwords are asked.
 *
 * @param name the inventory name runs and jobs record ("gpu-box-1"); never "local"
 * @param hostname the DNS name or address SSH connects to
 * @param port the SSH port
 * @param user the remote user
 * @param auth how to authenticate
 * @param keyFile the private key file for {@link AuthMethod#KEY}; empty otherwise
 * @param maxJobs how many jobs may run on the host at once (sweeps queue the rest)
 * @param java the Java command on the host ("java" finds it on the remote PATH)
 * @param created when it was added
 * @param updated when it last changed
 */
public record HostConfig(
    String name,
    String hostname,
    int port,
    String user,
    AuthMethod auth,
    String keyFile,
    int maxJobs,
    String java,
    Instant created,
    Instant updated) {
  /** The name the machine running Flightdeck has in runs and jobs. */
  public static final String LOCAL = "local";

  public HostConfig {
    keyFile = keyFile == null ? "" : keyFile;
    java = java == null || java.isBlank() ? "java" : java;
  }

  /** A new host with defaults: port 22, two jobs at once, "java" from the PATH. */
  public static HostConfig of(String name, String hostname, String user) {
    return new HostConfig(
        name, hostname, 22, user, AuthMethod.AGENT, "", 2, "java", Instant.EPOCH, Instant.EPOCH);
  }

  public HostConfig withPort(int p) {
    return new HostConfig(name, hostname, p, user, auth, keyFile, maxJobs, java, created, updated);
  }

  public HostConfig withKey(String file) {
    return new HostConfig(
        name, hostname, port, user, AuthMethod.KEY, file, maxJobs, java, created, updated);
  }

  public HostConfig withAuth(AuthMethod a) {
    return new HostConfig(name, hostname, port, user, a, keyFile, maxJobs, java, created, updated);
  }

  public HostConfig withMaxJobs(int n) {
    return new HostConfig(name, hostname, port, user, auth, keyFile, n, java, created, updated);
  }

  public HostConfig withJava(String cmd) {
    return new HostConfig(
        name, hostname, port, user, auth, keyFile, maxJobs, cmd, created, updated);
  }

  /** "user@hostname:port", for messages. */
  public String address() {
    return user + "@" + hostname + ":" + port;
  }
}
