package io.flightdeck.runners.ssh;

import io.flightdeck.core.error.FlightdeckException;
import java.security.PublicKey;

/**
 * The host offered a key that is not trusted: unknown (never accepted) or changed (another key is
 * on record). No connection was made. An unknown key can be accepted with {@link
 * KnownHosts#accept}; a changed one must be resolved by the user outside Flightdeck.
 */
public final class HostKeyException extends FlightdeckException {
  /** Why the key is not trusted. */
  public enum Kind {
    UNKNOWN,
    CHANGED
  }

  private final Kind kind;
  private final String hostname;
  private final int port;
  private final String keyType;
  private final String fingerprint;
  private final transient PublicKey key;

  HostKeyException(
      Kind kind,
      String hostname,
      int port,
      String keyType,
      String fingerprint,
      PublicKey key,
      String knownIn) {
    super(message(kind, hostname, port, keyType, fingerprint, knownIn), hint(kind, knownIn));
    this.kind = kind;
    this.hostname = hostname;
    this.port = port;
    this.keyType = keyType;
    this.fingerprint = fingerprint;
    this.key = key;
  }

  private static String message(
      Kind kind, String host, int port, String type, String fp, String knownIn) {
    return kind == Kind.UNKNOWN
        ? "The host key of "
            + host
            + ":"
            + port
            + " is not known yet: "
            + type
            + " "
            + fp
            + ". No connection was made."
        : "WARNING: the host key of "
            + host
            + ":"
            + port
            + " has CHANGED (now "
            + type
            + " "
            + fp
            + ", another key is on record in "
            + knownIn
            + "). Someone could be intercepting the connection, or the host was reinstalled. No"
            + " connection was made.";
  }

  private static String hint(Kind kind, String knownIn) {
    return kind == Kind.UNKNOWN
        ? "Compare the fingerprint with the one the host's administrator gives (ssh-keygen -lf"
            + " /etc/ssh/ssh_host_ed25519_key.pub on the host), then accept it."
        : "Ask the host's administrator whether its key was changed. Only then remove the old line"
            + " for this host from "
            + knownIn
            + " and connect again to accept the new key.";
  }

  public Kind kind() {
    return kind;
  }

  public String hostname() {
    return hostname;
  }

  public int port() {
    return port;
  }

  public String keyType() {
    return keyType;
  }

  /** "SHA256:..." as OpenSSH prints it. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The offered key (to accept it); null after deserialisation. */
  public PublicKey key() {
    return key;
  }
}
