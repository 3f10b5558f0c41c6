package io.flightdeck.runners.ssh;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * One authenticated connection to a host, for short shell commands and file transfers. Paths on the
 * host are absolute (from {@link #home}). Not thread-safe; close it when done.
 */
public final class RemoteHost implements AutoCloseable {
  /** A shell function that prints a file's SHA-256 with whichever tool the host has. */
  static final String SHA256_FN =
      "fd_sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum \"$1\" | cut -d' '"
          + " -f1; elif command -v shasum >/dev/null 2>&1; then shasum -a 256 \"$1\" | cut -d' '"
          + " -f1; else openssl dgst -sha256 -r \"$1\" | cut -d' ' -f1; fi; }; ";

  private final HostConfig host;
  private final SSHClient ssh;
  private SFTPClient sftp;
  private String home;

  RemoteHost(HostConfig host, SSHClient ssh) {
    this.host = host;
    this.ssh = ssh;
  }

  public HostConfig config() {
    return host;
  }

  SSHClient client() {
    return ssh;
  }

  /** A command's outcome. */
  public record Result(int exit, String out, String err) {
    public boolean ok() {
      return exit == 0;
    }
  }

  /**
   * Runs a command through the login shell and collects its output.
   *
   * @throws FlightdeckException when the connection fails or the command outlives the timeout
   */
  public Result exec(String command, Duration timeout) {
    try (Session s = ssh.startSession()) {
      Session.Command c = s.exec(command);
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(c.getErrorStream()));
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(() -> readAll(c.getInputStream()));
      byte[] o;
      byte[] e;
      try {
        o = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        e = err.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException te) {
        c.close();
        throw new FlightdeckException(
            "A command on " + host.name() + " did not finish within " + timeout.toSeconds() + " s.",
            "The host may be overloaded; try again.");
      }
      c.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Integer status = c.getExitStatus();
      c.close();
      return new Result(
          status == null ? -1 : status,
          new String(o, StandardCharsets.UTF_8),
          new String(e, StandardCharsets.UTF_8));
    } catch (IOException ex) {
      throw lost(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new FlightdeckException("Interrupted while talking to " + host.name() + ".", "");
    } catch (ExecutionException ex) {
      throw lost(ex.getCause() instanceof Exception c ? c : ex);
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  FlightdeckException lost(Exception e) {
    return new FlightdeckException(
        "The connection to " + host.name() + " (" + host.address() + ") failed: " + e.getMessage(),
        "Check the network and try again.",
        e);
  }

  /** The SFTP client of this connection (opened on first use). */
  SFTPClient sftp() throws IOException {
    if (sftp == null) {
      sftp = ssh.newSFTPClient();
    }
    return sftp;
  }

  /** The login user's home folder on the host ({@code $HOME} of its shell), absolute. */
  public String home() throws IOException {
    if (home == null) {
      Result r = exec("printf %s \"$HOME\"", Duration.ofSeconds(30));
      String h = r.out().trim();
      if (!r.ok() || !h.startsWith("/")) {
        throw new IOException("the host did not tell its home folder (" + r.err().trim() + ")");
      }
      home = h;
    }
    return home;
  }

  /** Whether a regular file exists at this absolute path. */
  boolean exists(String path) throws IOException {
    return sftp().statExistence(path) != null;
  }

  /**
   * Uploads a local file to {@code target}: writes {@code target.part}, checks its SHA-256 on the
   * host, then renames it into place, so the target is whole or absent.
   *
   * @param progress called about twice a second with "uploading what: N of M MB at X MB/s"
   * @throws FlightdeckException when the upload or the hash check fails (the part file is removed)
   */
  void upload(Path local, String target, String sha256, String what, Consumer<String> progress)
      throws IOException {
    String dir = target.substring(0, target.lastIndexOf('/'));
    sftp().mkdirs(dir);
    String part = target + ".part";
    long size = Files.size(local);
    long start = System.nanoTime();
    long lastReport = 0;
    try (RemoteFile rf =
            sftp().open(part, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
        OutputStream out = rf.new RemoteFileOutputStream(0, 16);
        InputStream in = Files.newInputStream(local)) {
      byte[] buf = new byte[32 * 1024];
      long done = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        done += n;
        long now = System.nanoTime();
        if (now - lastReport > 500_000_000L) {
          lastReport = now;
          progress.accept(rate("uploading " + what, done, size, now - start));
        }
      }
    }
    progress.accept(rate("uploaded " + what, size, size, System.nanoTime() - start));
    Result r =
        exec(
            SHA256_FN + "h=$(fd_sha256 " + quote(part) + ") && echo \"$h\"", Duration.ofMinutes(5));
    String remote = r.out().trim();
    if (!r.ok() || !remote.equals(sha256)) {
      exec("rm -f " + quote(part), Duration.ofSeconds(30));
      throw new FlightdeckException(
          "The copy of "
              + what
              + " on "
              + host.name()
              + " has SHA-256 '"
              + remote
              + "', not "
              + sha256
              + (r.err().isBlank() ? "" : " (" + r.err().trim() + ")")
              + "; it was removed.",
          "Check free disk space on the host (df -h ~) and try again.");
    }
    Result mv = exec("mv -f " + quote(part) + " " + quote(target), Duration.ofSeconds(30));
    if (!mv.ok()) {
      throw new FlightdeckException(
          "Cannot move " + what + " into place on " + host.name() + ": " + mv.err().trim(),
          "Check the permissions of " + dir + " on the host.");
    }
  }

  static String rate(String what, long done, long total, long nanos) {
    double mb = done / 1e6;
    double secs = Math.max(nanos / 1e9, 1e-3);
    return String.format(
        Locale.ROOT, "%s: %.1f of %.1f MB at %.1f MB/s", what, mb, total / 1e6, mb / secs);
  }

  /** Single-quotes a string for the POSIX shell. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (sftp != null) {
      try {
        sftp.close();
      } catch (IOException e) {
        // the connection goes anyway
      }
    }
    SshClients.closeQuietly(ssh);
  }
}
