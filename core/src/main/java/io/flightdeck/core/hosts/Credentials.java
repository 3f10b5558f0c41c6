package io.flightdeck.core.hosts;

/**
 * Asks the user for secrets when a host needs them. Nothing here is written to disk: the window
 * asks in a dialog, the command line on the terminal; the SSH layer keeps answers in memory for the
 * session so that reconnects do not ask again.
 */
public interface Credentials {
  /**
   * The passphrase of an encrypted private key.
   *
   * @param attempt 1 for the first ask, more after a wrong answer
   * @return the passphrase, or null when the user declines
   */
  char[] passphrase(HostConfig host, String keyFile, int attempt);

  /** The password of {@code host.user()} on the host; null when the user declines. */
  char[] password(HostConfig host, int attempt);

  /** Never has an answer: for tests and non-interactive use. */
  Credentials NONE =
      new Credentials() {
        @Override
        public char[] passphrase(HostConfig host, String keyFile, int attempt) {
          return null;
        }

        @Override
        public char[] password(HostConfig host, int attempt) {
          return null;
        }
      };
}
