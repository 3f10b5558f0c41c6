package io.flightdeck.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The agent's own diagnostics: to stderr and, once {@link #toFile} is called, appended to a file.
 * Never to stdout, which carries protocol lines only. Thread-safe.
 */
public final class AgentLog {
  private static volatile Path file;

  private AgentLog() {}

  /** Also appends every later message to {@code path}. */
  public static void toFile(Path path) {
    file = path;
  }

  public static void info(String message) {
    write("INFO", message, null);
  }

  public static void warn(String message, Throwable t) {
    write("WARN", message, t);
  }

  private static synchronized void write(String level, String message, Throwable t) {
    StringBuilder sb = new StringBuilder();
    sb.append(Instant.now()).append(' ').append(level).append(' ');
    sb.append('[').append(Thread.currentThread().getName()).append("] ").append(message);
    sb.append(System.lineSeparator());
    if (t != null) {
      StringWriter sw = new StringWriter();
      t.printStackTrace(new PrintWriter(sw));
      sb.append(sw);
    }
    String text = sb.toString();
    PrintStream err = System.err;
    err.print(text);
    err.flush();
    Path f = file;
    if (f != null) {
      try {
        Files.writeString(
            f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        err.println("Cannot write the agent log " + f + ": " + e.getMessage());
      }
    }
  }
}
