package io.flightdeck.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished child process: its command, exit code and output. Children run headless (no {@code
 * DISPLAY}), with their own XDG config and data folders under {@code home}, and without an
 * inherited {@code JAVA_TOOL_OPTIONS}.
 */
record Run(List<String> command, int exitCode, String out, String err) {
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  static Run of(Path home, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Files.createDirectories(home);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> e = pb.environment();
    e.remove("DISPLAY");
    e.remove("WAYLAND_DISPLAY");
    e.remove("JAVA_TOOL_OPTIONS");
    e.remove("_JAVA_OPTIONS");
    e.remove("JDK_JAVA_OPTIONS");
    e.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    e.put("XDG_DATA_HOME", home.resolve("data").toString());
    e.putAll(env);
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("timed out after " + TIMEOUT + ": " + String.join(" ", command));
    }
    return new Run(
        List.of(command),
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static Run of(Path home, String... command) throws IOException, InterruptedException {
    return of(home, Map.of(), command);
  }

  /** For assertion messages. */
  String describe() {
    return String.join(" ", command)
        + "\n exit "
        + exitCode
        + "\n--- stdout\n"
        + out
        + "\n--- stderr\n"
        + err;
  }

  /** How many classes the JVM took from a CDS archive (needs {@code -Xlog:class+load}). */
  long sharedClasses() {
    return out.lines().filter(l -> l.contains("source: shared objects file")).count();
  }
}
