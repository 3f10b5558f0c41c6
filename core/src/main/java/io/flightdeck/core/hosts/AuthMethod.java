package io.flightdeck.core.hosts;

/** How Flightdeck proves who it is to a host's SSH server. Secrets are never stored. */
public enum AuthMethod {
  /** A private key file; its passphrase, when it has one, is asked and kept in memory only. */
  KEY,
  /** The keys of the running ssh-agent ({@code SSH_AUTH_SOCK}). */
  AGENT,
  /** A password, asked every session and kept in memory only. */
  PASSWORD
}
