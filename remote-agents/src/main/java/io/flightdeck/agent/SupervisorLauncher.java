package io.flightdeck.agent;

import io.flightdeck.core.error.FlightdeckException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a job's supervisor as a detached process: in its own session ({@code setsid}, where the
 * system has it) so that it survives the serving process, the app and a dropped SSH connection,
 * with stdin from the null device and stdout/stderr to files in the job folder. The supervisor runs
 * on the same Java and class path as this process.
 */
final class SupervisorLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(SupervisorLauncher.class);

  private static final long PID_TIMEOUT_MS = 60_000;
  private final String setsid = findSetsid();

  Process launch(JobDir dir) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (setsid != null) {
      cmd.add(setsid);
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(absoluteClassPath());
    cmd.add(AgentMain.class.getName());
    cmd.add("supervise");
    cmd.add(dir.dir().toAbsolutePath().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.dir().toFile());
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));
    pb.redirectOutput(dir.dir().resolve("supervisor.out").toFile());
    pb.redirectError(dir.log().toFile());
    return pb.start();
  }

  /**
   * Waits for the supervisor to record its pid.
   *
   * @throws FlightdeckException when it exits or stays silent first, with its log's last lines
   */
  long awaitPid(JobDir dir, Process launched) {
    long deadline = System.currentTimeMillis() + PID_TIMEOUT_MS;
    try {
      while (System.currentTimeMillis() < deadline) {
        if (Files.exists(dir.pidFile())) {
          return Long.parseLong(Files.readString(dir.pidFile()).trim().split(" ")[0]);
        }
        if (launched.waitFor(20, TimeUnit.MILLISECONDS)) {
          if (launched.exitValue() != 0) {
            break;
          }
          Thread.sleep(20); // setsid forked: the launcher is gone, the supervisor is starting
        }
      }
    } catch (IOException | NumberFormatException e) {
      LOG.warn("Reading the pid of job " + dir.job(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new FlightdeckException(
        "The supervisor of job " + dir.job() + " did not start: " + logTail(dir) + ".",
        "See " + dir.log() + ".");
  }

  private static String logTail(JobDir dir) {
    try {
      List<String> lines = Files.readAllLines(dir.log());
      return lines.isEmpty()
          ? "no output"
          : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "no log";
    }
  }

  /** This process's class path with absolute entries (the supervisor runs in the job folder). */
  private static String absoluteClassPath() {
    List<String> parts = new ArrayList<>();
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!p.isEmpty()) {
        parts.add(Path.of(p).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  private static String findSetsid() {
    for (String d : List.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")) {
      if (Files.isExecutable(Path.of(d))) {
        return d;
      }
    }
    return null;
  }
}
