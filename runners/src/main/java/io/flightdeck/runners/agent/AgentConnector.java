package io.flightdeck.runners.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Opens sessions with the agent of one host and reaches the files it writes.
 *
 * <p>Implementations: {@link LocalAgentConnector} (a child process on this machine); the SSH one
 * arrives with remote hosts. Thread-safe.
 */
public interface AgentConnector extends AutoCloseable {
  /** The host's name as runs record it ("local" for this machine). */
  String host();

  /**
   * Starts a session and waits for the agent's hello.
   *
   * @throws io.flightdeck.core.error.FlightdeckException when the agent cannot be started or
   *     reached, with what to do
   */
  AgentSession connect(AgentSession.Listener listener);

  /** Opens a file the agent wrote (an artifact), by its absolute path on the host. */
  InputStream openFile(String path) throws IOException;

  /**
   * The host path of a file staged earlier under this hash and extension, if it is there.
   *
   * @param ext the file name's extension with its dot (".csv")
   */
  java.util.Optional<String> staged(String sha256, String ext) throws IOException;

  /**
   * Makes a local temporary file available on the host under a name derived from its content hash.
   * The caller hands the file over: it may be moved or deleted.
   *
   * @return the absolute path on the host
   */
  String stage(Path localFile, String sha256, String ext) throws IOException;

  /**
   * The working folder a command job runs in on the host. Locally the folder itself; on a remote
   * host a fresh folder holding copies of the chosen files (relative paths inside {@code localDir},
   * never through links).
   *
   * @return the folder's absolute path on the host
   */
  default String prepareWorkdir(Path localDir, java.util.List<String> files) throws IOException {
    return localDir.toAbsolutePath().normalize().toString();
  }

  /** Releases connections held for file transfers; sessions close themselves. */
  @Override
  default void close() {}
}
