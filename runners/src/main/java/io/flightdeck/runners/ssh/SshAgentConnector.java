package io.flightdeck.runners.ssh;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.runners.agent.AgentConnector;
import io.flightdeck.runners.agent.AgentSession;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.RemoteFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent of a remote host, reached over SSH. Each session is its own SSH connection running
 * {@code java -jar ~/.flightdeck/agents/<sha>/flightdeck-agent.jar serve} in an exec channel; jobs
 * run in detached supervisors on the host, so a dropped connection loses nothing and a new session
 * re-attaches. The agent is installed or upgraded on the first connect when the host's is not the
 * shipped one. Files (artifacts, staged data, working folders) travel by SFTP over a second
 * connection kept open for transfers. Thread-safe.
 */
public final class SshAgentConnector implements AgentConnector {
  private static final Logger LOG = LoggerFactory.getLogger(SshAgentConnector.class);
  private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final java.util.function.Supplier<HostConfig> config;
  private final SshHostOperations ops;
  private final Consumer<String> status;
  private final Object filesLock = new Object();
  private RemoteHost files;
  private volatile String agentJar;
  private volatile String home;

  /**
   * @param name the host's inventory name
   * @param config the host's settings, read again at every connect (an edit applies to the next
   *     connection)
   * @param ops connections and the agent installer
   * @param status progress lines while the host is prepared (installing, uploading N MB at X MB/s)
   */
  public SshAgentConnector(
      String name,
      java.util.function.Supplier<HostConfig> config,
      SshHostOperations ops,
      Consumer<String> status) {
    this.name = name;
    this.config = config;
    this.ops = ops;
    this.status = status;
  }

  @Override
  public String host() {
    return name;
  }

  @Override
  public AgentSession connect(AgentSession.Listener listener) {
    HostConfig host = config.get();
    RemoteHost r = ops.connect(host);
    try {
      if (agentJar == null) {
        agentJar = ops.install(r, status).path();
        home = r.home() + "/" + SshHostOperations.HOME;
      }
      Session session = r.client().startSession();
      Session.Command cmd =
          session.exec(
              "exec "
                  + host.java()
                  + " -XX:+UseSerialGC -Xshare:auto -jar "
                  + RemoteHost.quote(agentJar)
                  + " serve --home "
                  + RemoteHost.quote(home));
      drainStderr(cmd.getErrorStream());
      AgentSession s =
          new AgentSession(
              host.name(),
              cmd.getInputStream(),
              cmd.getOutputStream(),
              () -> {
                try {
                  cmd.close();
                } catch (IOException e) {
                  LOG.debug("closing the agent channel on {}: {}", host.name(), e.toString());
                }
                r.close();
              },
              listener);
      try {
        s.awaitHello(HELLO_TIMEOUT);
      } catch (RuntimeException e) {
        s.close();
        throw e;
      }
      return s;
    } catch (IOException e) {
      r.close();
      agentJar = null;
      throw r.lost(e);
    } catch (RuntimeException e) {
      r.close();
      agentJar = null;
      throw e;
    }
  }

  private void drainStderr(InputStream err) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader b =
                  new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
                String line;
                while ((line = b.readLine()) != null) {
                  LOG.info("[agent {}] {}", name, line);
                }
              } catch (IOException e) {
                // the channel closed
              }
            },
            "flightdeck-agent-stderr-" + name);
    t.setDaemon(true);
    t.start();
  }

  private <T> T withFiles(FileOp<T> op) throws IOException {
    synchronized (filesLock) {
      for (int attempt = 1; ; attempt++) {
        if (files == null || !files.client().isConnected()) {
          if (files != null) {
            files.close();
          }
          files = ops.connect(config.get());
          home = files.home() + "/" + SshHostOperations.HOME;
        }
        try {
          return op.run(files);
        } catch (IOException e) {
          if (attempt >= 2 || files.client().isConnected()) {
            throw e;
          }
          // the transfer connection dropped: reconnect once
        }
      }
    }
  }

  private interface FileOp<T> {
    T run(RemoteHost r) throws IOException;
  }

  private String home() throws IOException {
    if (home == null) {
      withFiles(r -> null);
    }
    return home;
  }

  @Override
  public InputStream openFile(String path) throws IOException {
    // fetched into a temporary file under the lock (the transfer connection is not swapped under a
    // running read); the stream deletes it when closed
    Path tmp = Files.createTempFile("flightdeck-fetch-", ".part");
    try {
      withFiles(
          r -> {
            try (RemoteFile f = r.sftp().open(path);
                InputStream in = f.new ReadAheadRemoteFileInputStream(16)) {
              Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
          });
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return new FilterInputStream(Files.newInputStream(tmp)) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    };
  }

  @Override
  public Optional<String> staged(String sha256, String ext) throws IOException {
    String target = home() + "/data/" + sha256 + ext;
    return withFiles(r -> r.exists(target) ? Optional.of(target) : Optional.empty());
  }

  @Override
  public String stage(Path localFile, String sha256, String ext) throws IOException {
    String target = home() + "/data/" + sha256 + ext;
    // named by the dataset version's hash; checked on the host by the hash of this very file
    String fileSha = RemoteHost.sha256(localFile);
    withFiles(
        r -> {
          r.upload(localFile, target, fileSha, "dataset " + sha256.substring(0, 12), status);
          return null;
        });
    Files.deleteIfExists(localFile);
    return target;
  }

  @Override
  public String prepareWorkdir(Path localDir, List<String> files) throws IOException {
    String dir = home() + "/work/" + UUID.randomUUID().toString().replace("-", "");
    Path base = localDir.toAbsolutePath().normalize();
    for (String rel : files) {
      Path local = checkedUpload(base, rel);
      String target = dir + "/" + base.relativize(local).toString().replace('\\', '/');
      String sha = RemoteHost.sha256(local);
      withFiles(
          r -> {
            r.upload(local, target, sha, rel, status);
            return null;
          });
    }
    withFiles(
        r -> {
          r.sftp().mkdirs(dir);
          return null;
        });
    return dir;
  }

  /** A file to upload: inside the folder, regular, not through a link. */
  static Path checkedUpload(Path base, String rel) {
    Path p = base.resolve(rel).normalize();
    if (rel.isBlank() || Path.of(rel).isAbsolute() || !p.startsWith(base) || p.equals(base)) {
      throw new FlightdeckException(
          "'" + rel + "' is not a file inside the working folder " + base + ".",
          "Give paths relative to the working folder, without '..'.");
    }
    for (Path q = p; q != null && !q.equals(base); q = q.getParent()) {
      if (Files.isSymbolicLink(q)) {
        throw new FlightdeckException(
            "'" + rel + "' goes through the link " + q + "; links are not uploaded.",
            "Copy the file itself into the working folder.");
      }
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new FlightdeckException(
          "'" + rel + "' is not a file in " + base + ".", "Choose existing files to upload.");
    }
    return p;
  }

  @Override
  public void close() {
    synchronized (filesLock) {
      if (files != null) {
        files.close();
        files = null;
      }
    }
  }
}
