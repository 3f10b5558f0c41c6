package io.flightdeck.runners.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 for tests: its own host key, a client key in its
 * authorized_keys, a free port, run in the foreground ({@code -D}) as a child of the test JVM. Each
 * instance is one "host"; several on several ports make a fleet. Needs /usr/sbin/sshd
 * (openssh-server).
 */
public final class Sshd implements AutoCloseable {
  public static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Path dir;
  private final List<String> extraConfig;
  private final int port;
  private Process process;

  private Sshd(Path dir, int port, List<String> extraConfig) {
    this.dir = dir;
    this.port = port;
    this.extraConfig = List.copyOf(extraConfig);
  }

  /** Starts a server with its files in {@code dir}; extra sshd_config lines may be given. */
  public static Sshd start(Path dir, String... extraConfig) throws IOException {
    if (!Files.isExecutable(SSHD)) {
      throw new IllegalStateException(
          SSHD + " is missing: install openssh-server (.ci/run does) to run the SSH tests");
    }
    Files.createDirectories(dir);
    keygen(dir.resolve("host_ed25519"));
    keygen(dir.resolve("client_ed25519"));
    Files.copy(dir.resolve("client_ed25519.pub"), dir.resolve("authorized_keys"));
    try {
      Files.createDirectories(Path.of("/run/sshd"));
    } catch (IOException e) {
      // not root: sshd runs without privilege separation checks for the current user
    }
    Sshd s = new Sshd(dir, freePort(), List.of(extraConfig));
    s.launch();
    return s;
  }

  private static void keygen(Path key) throws IOException {
    if (!Files.exists(key)) {
      run(
          "ssh-keygen",
          "-q",
          "-t",
          "ed25519",
          "-N",
          "",
          "-C",
          "flightdeck-test",
          "-f",
          key.toString());
    }
  }

  private void launch() throws IOException {
    List<String> cfg = new ArrayList<>();
    cfg.add("Port " + port);
    cfg.add("ListenAddress 127.0.0.1");
    cfg.add("HostKey " + dir.resolve("host_ed25519"));
    cfg.add("PidFile " + dir.resolve("sshd.pid"));
    cfg.add("AuthorizedKeysFile " + dir.resolve("authorized_keys"));
    cfg.add("StrictModes no");
    cfg.add("UsePAM no");
    cfg.add("PermitRootLogin prohibit-password");
    cfg.add("PasswordAuthentication no");
    cfg.add("KbdInteractiveAuthentication no");
    cfg.add("MaxSessions 50");
    cfg.add("MaxStartups 50");
    cfg.add("Subsystem sftp internal-sftp");
    // each server is its own "host": its own home for the agent and the data cache
    Files.createDirectories(home());
    if (extraConfig.stream().noneMatch(l -> l.startsWith("SetEnv"))) {
      cfg.add("SetEnv HOME=" + home());
    }
    cfg.addAll(extraConfig);
    Path config = dir.resolve("sshd_config");
    Files.write(config, cfg, StandardCharsets.UTF_8);
    process =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "sshd exited: " + Files.readString(dir.resolve("sshd.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        sleep(50);
      }
    }
    throw new IllegalStateException("sshd did not listen on " + port);
  }

  /** The login's home folder on this "host" (sshd sets HOME to it). */
  public Path home() {
    return dir.resolve("home");
  }

  public int port() {
    return port;
  }

  public Path dir() {
    return dir;
  }

  /** The private key the server accepts. */
  public Path clientKey() {
    return dir.resolve("client_ed25519");
  }

  /** The login name (the user running the tests). */
  public static String user() {
    return System.getProperty("user.name");
  }

  /** The server key's fingerprint as {@code ssh-keygen -lf -E sha256} prints it. */
  public String fingerprint() throws IOException {
    String out =
        run("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("host_ed25519.pub").toString());
    return out.split(" ")[1];
  }

  /**
   * Kills every connection's sshd process (SIGKILL), as a network cut would end them; the listener
   * goes on. @return how many were killed
   */
  public int killSessions() {
    List<ProcessHandle> kids = process.toHandle().children().toList();
    kids.forEach(ProcessHandle::destroyForcibly);
    return kids.size();
  }

  /** Stops the server (connections end) and starts it again on the same port and key. */
  public void restart() throws IOException {
    stopProcess();
    launch();
  }

  /** Gives the server a new host key and restarts it (as a reinstalled or spoofed host would). */
  public void changeHostKey() throws IOException {
    stopProcess();
    Files.delete(dir.resolve("host_ed25519"));
    Files.delete(dir.resolve("host_ed25519.pub"));
    keygen(dir.resolve("host_ed25519"));
    launch();
  }

  /** Stops listening; new connections are refused, existing ones end. */
  public void stopProcess() {
    if (process != null) {
      // stop the listener first so that no connection is accepted (and no child forked) while
      // the children are collected, then kill them all
      try {
        new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start().waitFor();
      } catch (IOException e) {
        // without kill(1) the race below stays: a connection accepted right now may survive
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stopProcess();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String run(String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted"));
    }
    return out.trim();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
