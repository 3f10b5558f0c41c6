package io.flightdeck.runners.ssh;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.AuthMethod;
import io.flightdeck.core.hosts.Credentials;
import io.flightdeck.core.hosts.HostConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Opens authenticated SSH connections to hosts of the inventory, verifying host keys against {@link
 * KnownHosts} and turning every failure into a message that says what to do. Secrets the user typed
 * are kept in memory only, per host, for reconnects. Thread-safe.
 */
public final class SshClients {
  /** How long a TCP connect and the SSH handshake may take. */
  static final int CONNECT_TIMEOUT_MS = 10_000;

  /** Seconds between keep-alives; a connection with five unanswered is closed. */
  static final int KEEPALIVE_SECONDS = 5;

  private final KnownHosts knownHosts;
  private final Credentials credentials;
  private final Map<String, char[]> secrets = new ConcurrentHashMap<>();
  // built on the first connection, not when a workspace opens: SSHJ's default configuration loads
  // BouncyCastle and its algorithm lists (about 0.6 s the first time)
  private volatile DefaultConfig config;
  private final java.util.Optional<Path> agentSocket;

  public SshClients(KnownHosts knownHosts, Credentials credentials) {
    this(knownHosts, credentials, SshAgentAuth.socketFromEnvironment());
  }

  /**
   * @param agentSocket the ssh-agent's socket for {@link AuthMethod#AGENT} hosts (normally {@code
   *     SSH_AUTH_SOCK})
   */
  public SshClients(
      KnownHosts knownHosts, Credentials credentials, java.util.Optional<Path> agentSocket) {
    this.agentSocket = agentSocket;
    this.knownHosts = knownHosts;
    this.credentials = credentials;
  }

  private DefaultConfig config() {
    DefaultConfig c = config;
    if (c == null) {
      synchronized (this) {
        c = config;
        if (c == null) {
          c = new DefaultConfig();
          c.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
          config = c;
        }
      }
    }
    return c;
  }

  public KnownHosts knownHosts() {
    return knownHosts;
  }

  /**
   * Connects and authenticates.
   *
   * @throws HostKeyException when the host's key is unknown or changed (nothing was sent)
   * @throws FlightdeckException for an unknown name, a closed port, a timeout or a refused login,
   *     each with what to do
   */
  public SSHClient open(HostConfig host) {
    SSHClient ssh = connect(host);
    try {
      authenticate(ssh, host);
      return ssh;
    } catch (RuntimeException e) {
      closeQuietly(ssh);
      throw e;
    }
  }

  /**
   * Connects only far enough to see the host's key (for adding a host): returns the offered key's
   * exception, UNKNOWN or CHANGED, or empty when the key is already trusted.
   */
  public java.util.Optional<HostKeyException> offeredKey(HostConfig host) {
    try {
      closeQuietly(connect(host));
      return java.util.Optional.empty();
    } catch (HostKeyException e) {
      return java.util.Optional.of(e);
    }
  }

  private SSHClient connect(HostConfig host) {
    SSHClient ssh = new SSHClient(config());
    KnownHosts.Outcome outcome = new KnownHosts.Outcome();
    ssh.addHostKeyVerifier(knownHosts.verifier(outcome));
    ssh.setConnectTimeout(CONNECT_TIMEOUT_MS);
    ssh.setTimeout(0);
    try {
      ssh.connect(host.hostname(), host.port());
      ssh.getConnection().getKeepAlive().setKeepAliveInterval(KEEPALIVE_SECONDS);
      return ssh;
    } catch (UnknownHostException e) {
      closeQuietly(ssh);
      throw new FlightdeckException(
          "Cannot find the host '" + host.hostname() + "': the name does not resolve.",
          "Check the spelling of the host name, or give its address; check the network or VPN.",
          e);
    } catch (ConnectException e) {
      closeQuietly(ssh);
      throw new FlightdeckException(
          "Nothing accepts connections at "
              + host.hostname()
              + ":"
              + host.port()
              + " (connection refused).",
          "Check the port (SSH is usually 22) and that the SSH server runs on the host.",
          e);
    } catch (SocketTimeoutException | NoRouteToHostException e) {
      closeQuietly(ssh);
      throw new FlightdeckException(
          host.hostname()
              + ":"
              + host.port()
              + " did not answer within "
              + CONNECT_TIMEOUT_MS / 1000
              + " s ("
              + e.getMessage()
              + ").",
          "Check that the host is on and reachable (network, VPN, firewall).",
          e);
    } catch (IOException e) {
      closeQuietly(ssh);
      if (outcome.problem != null) {
        throw outcome.problem;
      }
      throw new FlightdeckException(
          "The SSH connection to " + host.address() + " failed: " + e.getMessage(),
          "Check that an SSH server listens there.",
          e);
    }
  }

  private void authenticate(SSHClient ssh, HostConfig host) {
    try {
      switch (host.auth()) {
        case KEY -> authKey(ssh, host);
        case PASSWORD -> authPassword(ssh, host);
        case AGENT -> SshAgentAuth.authenticate(ssh, host, agentSocket);
      }
    } catch (UserAuthException e) {
      throw refused(host, e);
    } catch (IOException e) {
      throw new FlightdeckException(
          "Logging in to " + host.address() + " failed: " + e.getMessage(),
          "Try again; check the host's SSH server log.",
          e);
    }
  }

  private void authKey(SSHClient ssh, HostConfig host) throws IOException {
    Path key = Path.of(expandHome(host.keyFile()));
    if (!Files.isRegularFile(key)) {
      throw new FlightdeckException(
          "The private key file " + key + " does not exist.",
          "Choose an existing key (ssh-keygen -t ed25519 makes one), or use the ssh-agent.");
    }
    String id = "key:" + key;
    int[] attempt = {0};
    PasswordFinder finder =
        new PasswordFinder() {
          @Override
          public char[] reqPassword(Resource<?> resource) {
            char[] cached = attempt[0] == 0 ? secrets.get(id) : null;
            attempt[0]++;
            if (cached != null) {
              return cached.clone();
            }
            char[] p = credentials.passphrase(host, key.toString(), attempt[0]);
            if (p == null) {
              throw new FlightdeckException(
                  "The key " + key + " is protected by a passphrase and none was given.",
                  "Enter the passphrase when asked (the command line asks on the terminal), or"
                      + " load the key into the ssh-agent and choose agent authentication.");
            }
            secrets.put(id, p.clone());
            return p;
          }

          @Override
          public boolean shouldRetry(Resource<?> resource) {
            secrets.remove(id);
            return attempt[0] < 3;
          }
        };
    KeyProvider kp;
    try {
      kp = ssh.loadKeys(key.toString(), finder);
      kp.getPublic(); // decrypts now, so a wrong passphrase is reported as such
    } catch (IOException e) {
      secrets.remove(id);
      throw new FlightdeckException(
          "Cannot read the private key " + key + ": " + e.getMessage(),
          "Check the passphrase, or that the file is an OpenSSH or PEM private key.",
          e);
    }
    ssh.authPublickey(host.user(), kp);
  }

  private void authPassword(SSHClient ssh, HostConfig host) throws IOException {
    String id = "password:" + host.address();
    for (int attempt = 1; attempt <= 3; attempt++) {
      char[] p = attempt == 1 ? secrets.get(id) : null;
      if (p == null) {
        p = credentials.password(host, attempt);
      }
      if (p == null) {
        throw new FlightdeckException(
            host.address() + " needs a password and none was given.",
            "Enter the password when asked; it is kept in memory for this session only.");
      }
      try {
        ssh.authPassword(host.user(), p.clone());
        secrets.put(id, p.clone());
        return;
      } catch (UserAuthException e) {
        secrets.remove(id);
        Arrays.fill(p, '\0');
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static FlightdeckException refused(HostConfig host, UserAuthException e) {
    String what =
        switch (host.auth()) {
          case KEY -> "the key " + host.keyFile();
          case PASSWORD -> "the password";
          case AGENT -> "every key of the ssh-agent";
        };
    String hint =
        host.auth() == AuthMethod.PASSWORD
            ? "Check the user name and password; the server may also allow keys only."
            : "Add the public key ("
                + (host.auth() == AuthMethod.KEY ? host.keyFile() + ".pub" : "ssh-add -L")
                + ") to ~"
                + host.user()
                + "/.ssh/authorized_keys on the host, or choose another key or user.";
    return new FlightdeckException(
        host.hostname() + " refused " + what + " for user '" + host.user() + "'.", hint, e);
  }

  static String expandHome(String p) {
    return p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p;
  }

  /** Forgets the secrets typed for a host (after its settings changed). */
  public void forget(HostConfig host) {
    secrets.keySet().removeIf(k -> k.endsWith(host.address()) || k.equals("key:" + host.keyFile()));
  }

  static void closeQuietly(SSHClient ssh) {
    try {
      ssh.close();
    } catch (IOException | RuntimeException e) {
      // closing a broken connection
    }
  }
}
