package io.flightdeck.runners.ssh;

import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Host keys Flightdeck trusts: its own known_hosts file (OpenSSH format, written only when the user
 * accepts a key) and, read only, the user's {@code ~/.ssh/known_hosts}. A key that matches either
 * is trusted; a key that contradicts either is refused as changed; anything else is unknown.
 * Thread-safe (each verification reads the files afresh).
 */
public final class KnownHosts {
  private final Path own;
  private final Optional<Path> user;

  /**
   * @param own Flightdeck's known_hosts (created on the first accept)
   * @param user the user's OpenSSH known_hosts, consulted read-only when it exists
   */
  public KnownHosts(Path own, Optional<Path> user) {
    this.own = own;
    this.user = user;
  }

  /** Flightdeck's file and the user's {@code ~/.ssh/known_hosts}. */
  public static KnownHosts forWorkspace(Path workspace) {
    return new KnownHosts(
        workspace.resolve("ssh").resolve("known_hosts"),
        Optional.of(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts")));
  }

  public Path file() {
    return own;
  }

  /** The SHA-256 fingerprint as OpenSSH prints it: {@code SHA256:} + unpadded base64. */
  public static String fingerprint(PublicKey key) {
    try {
      byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
      byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a verification found; read after the connection attempt. */
  static final class Outcome {
    volatile HostKeyException problem;
    volatile PublicKey offered;
  }

  /** A verifier for one connection attempt that records why it refused. */
  HostKeyVerifier verifier(Outcome outcome) {
    return new HostKeyVerifier() {
      @Override
      public boolean verify(String hostname, int port, PublicKey key) {
        outcome.offered = key;
        String type = KeyType.fromKey(key).toString();
        String fp = fingerprint(key);
        boolean trusted = false;
        for (Path f : files()) {
          Verdict v = check(f, hostname, port, key);
          if (v == Verdict.CHANGED) {
            outcome.problem =
                new HostKeyException(
                    HostKeyException.Kind.CHANGED, hostname, port, type, fp, key, f.toString());
            return false;
          }
          trusted |= v == Verdict.OK;
        }
        if (!trusted) {
          outcome.problem =
              new HostKeyException(
                  HostKeyException.Kind.UNKNOWN, hostname, port, type, fp, key, own.toString());
        }
        return trusted;
      }

      @Override
      public List<String> findExistingAlgorithms(String hostname, int port) {
        List<String> algs = new ArrayList<>();
        for (Path f : files()) {
          try {
            algs.addAll(new OpenSSHKnownHosts(f.toFile()).findExistingAlgorithms(hostname, port));
          } catch (IOException e) {
            // an unreadable file trusts nothing
          }
        }
        return algs;
      }
    };
  }

  private enum Verdict {
    OK,
    CHANGED,
    UNKNOWN
  }

  private static Verdict check(Path file, String hostname, int port, PublicKey key) {
    Verdict[] v = {Verdict.UNKNOWN};
    try {
      OpenSSHKnownHosts kh =
          new OpenSSHKnownHosts(file.toFile()) {
            @Override
            protected boolean hostKeyUnverifiableAction(String h, PublicKey k) {
              return false;
            }

            @Override
            protected boolean hostKeyChangedAction(String h, PublicKey k) {
              v[0] = Verdict.CHANGED;
              return false;
            }
          };
      if (kh.verify(hostname, port, key)) {
        return Verdict.OK;
      }
    } catch (IOException e) {
      return Verdict.UNKNOWN;
    }
    return v[0];
  }

  private List<Path> files() {
    List<Path> fs = new ArrayList<>();
    if (Files.isRegularFile(own)) {
      fs.add(own);
    }
    user.filter(Files::isRegularFile).ifPresent(fs::add);
    return fs;
  }

  /**
   * Trusts this key for this host and port from now on (appends one line to Flightdeck's file).
   *
   * @throws FlightdeckException when the file cannot be written
   */
  public synchronized void accept(String hostname, int port, PublicKey key) {
    String host = port == 22 ? hostname : "[" + hostname + "]:" + port;
    String line =
        host
            + " "
            + KeyType.fromKey(key)
            + " "
            + Base64.getEncoder()
                .encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData())
            + "\n";
    try {
      Files.createDirectories(own.getParent());
      Files.writeString(
          own,
          line,
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot record the host key in " + own + ": " + e.getMessage(),
          "Check that the workspace folder is writable.",
          e);
    }
  }
}
