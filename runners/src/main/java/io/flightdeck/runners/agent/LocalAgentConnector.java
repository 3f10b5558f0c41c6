package io.flightdeck.runners.agent;

import io.flightdeck.core.error.FlightdeckException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The agent on this machine: a child process started with the app's own Java and class path,
 * talking over its stdin/stdout, with its home (job spools, data cache) inside the workspace.
 *
 * <p>Killing the app kills nothing else: each job runs in its own detached supervisor, and a new
 * session re-attaches to it. Thread-safe.
 */
public final class LocalAgentConnector implements AgentConnector {
  /** The agent's main class, started as {@code <java> -cp <classpath> MAIN serve --home HOME}. */
  public static final String MAIN = "io.flightdeck.agent.AgentMain";

  private final Path home;
  private final List<String> javaCommand;
  private final Duration helloTimeout;

  /**
   * @param home the agent's home folder (created when missing)
   * @param java the java executable
   * @param classPath a class path holding the agent and its libraries
   */
  public LocalAgentConnector(Path home, Path java, String classPath) {
    this(home, List.of(java.toString(), "-Xshare:auto", "-cp", classPath), Duration.ofSeconds(60));
  }

  LocalAgentConnector(Path home, List<String> javaCommand, Duration helloTimeout) {
    this.home = home.toAbsolutePath();
    this.javaCommand = List.copyOf(javaCommand);
    this.helloTimeout = helloTimeout;
  }

  /** A connector running the agent from the current JVM's java and class path. */
  public static LocalAgentConnector fromCurrentJvm(Path home) {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    String cp =
        java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(e -> !e.isEmpty())
            .map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    return new LocalAgentConnector(home, javaBin, cp);
  }

  /** The agent's home folder. */
  public Path home() {
    return home;
  }

  @Override
  public String host() {
    return "local";
  }

  @Override
  public AgentSession connect(AgentSession.Listener listener) {
    List<String> cmd = new ArrayList<>(javaCommand);
    cmd.add(MAIN);
    cmd.add("serve");
    cmd.add("--home");
    cmd.add(home.toString());
    Process process;
    try {
      Files.createDirectories(home);
      process =
          new ProcessBuilder(cmd)
              .redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("serve.err").toFile()))
              .start();
    } catch (IOException e) {
      throw new FlightdeckException(
          "Cannot start the local agent: " + e.getMessage(),
          "Check that " + cmd.get(0) + " exists and that " + home + " is writable.",
          e);
    }
    AgentSession session =
        new AgentSession(
            "local",
            process.getInputStream(),
            process.getOutputStream(),
            () -> stop(process),
            listener);
    try {
      session.awaitHello(helloTimeout);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  private static void stop(Process process) {
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }

  @Override
  public InputStream openFile(String path) throws IOException {
    return Files.newInputStream(Path.of(path));
  }

  @Override
  public java.util.Optional<String> staged(String sha256, String ext) {
    Path target = home.resolve("data").resolve(sha256 + ext);
    return Files.isRegularFile(target)
        ? java.util.Optional.of(target.toString())
        : java.util.Optional.empty();
  }

  @Override
  public String stage(Path localFile, String sha256, String ext) throws IOException {
    Path data = home.resolve("data");
    Files.createDirectories(data);
    Path target = data.resolve(sha256 + ext);
    if (Files.exists(target)) {
      Files.deleteIfExists(localFile);
    } else {
      try {
        Files.move(localFile, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Path tmp = Files.createTempFile(data, "stage-", ".tmp");
        try {
          Files.copy(localFile, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
          Files.deleteIfExists(localFile);
        }
      }
    }
    return target.toString();
  }
}
