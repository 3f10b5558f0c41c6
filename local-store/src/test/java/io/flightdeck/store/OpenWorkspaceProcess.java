package io.flightdeck.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a second JVM by the lock tests. {@code try DIR}: opens the workspace and prints {@code
 * OPENED <dir>} or {@code REFUSED <exception class> <message>}. {@code hold DIR}: opens it, prints
 * {@code HOLDING <pid>}, and keeps it open until a line arrives on stdin (or the process is
 * killed).
 */
public final class OpenWorkspaceProcess {
  private OpenWorkspaceProcess() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    try (LocalWorkspace ws = LocalWorkspace.open(dir, Clock.systemUTC(), () -> "child")) {
      if (mode.equals("hold")) {
        System.out.println("HOLDING " + ProcessHandle.current().pid());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      } else {
        System.out.println("OPENED " + ws.dir());
      }
    } catch (RuntimeException e) {
      System.out.println("REFUSED " + e.getClass().getName() + " " + e.getMessage());
    }
    System.out.flush();
  }
}
