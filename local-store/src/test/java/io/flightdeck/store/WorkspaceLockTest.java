package io.flightdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flightdeck.core.workspace.WorkspaceLockedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLockTest {
  private static final long MY_PID = ProcessHandle.current().pid();

  @TempDir Path tmp;
  private Path dir;
  private final TestClock clock = new TestClock();

  @BeforeEach
  void folders() {
    dir = tmp.resolve("ws");
  }

  private LocalWorkspace open() {
    return LocalWorkspace.open(dir, clock, () -> "ana");
  }

  @Test
  void secondOpenInThisProcessIsRefusedNamingTheHolder() {
    try (LocalWorkspace ws = open()) {
      WorkspaceLockedException e = catchThrowableOfType(WorkspaceLockedException.class, this::open);
      assertThat(e.getMessage())
          .contains("already open")
          .contains(ws.dir().toString())
          .contains("process " + MY_PID + " ");
      assertThat(e.holder()).startsWith("process " + MY_PID + " of user ");
      // The first one is unharmed.
      assertThat(ws.audit().verify().valid()).isTrue();
    }
  }

  @Test
  void sameFolderThroughASymlinkIsTheSameWorkspace() throws Exception {
    Files.createDirectories(dir);
    Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
    try (LocalWorkspace ws = open()) {
      assertThatThrownBy(() -> LocalWorkspace.open(link, clock, () -> "ana"))
          .isInstanceOf(WorkspaceLockedException.class)
          .hasMessageContaining("process " + MY_PID + " ");
      assertThat(ws.audit().count()).isOne();
    }
  }

  @Test
  void closingReleasesTheLockAndAStaleLockFileIsNoLock() {
    open().close();
    assertThat(dir.resolve(WorkspaceLock.FILE_NAME)).exists();
    try (LocalWorkspace ws = open()) {
      assertThat(ws.audit().count()).isOne();
    }
  }

  @Test
  @Timeout(120)
  void anotherProcessIsRefusedNamingThisProcess() throws Exception {
    try (LocalWorkspace ws = open()) {
      String answer = runChild("try");
      assertThat(answer)
          .startsWith("REFUSED " + WorkspaceLockedException.class.getName())
          .contains("already open")
          .contains(ws.dir().toString())
          .contains("process " + MY_PID + " ");
    }
  }

  @Test
  @Timeout(120)
  void refusedSecondOpenInThisProcessDoesNotDropTheLock() throws Exception {
    // Regression: on POSIX, closing any descriptor of the lock file releases this process's lock,
    // so a refused second open used to let another process in while the first was still open.
    try (LocalWorkspace ws = open()) {
      assertThatThrownBy(this::open).isInstanceOf(WorkspaceLockedException.class);
      assertThat(runChild("try"))
          .startsWith("REFUSED " + WorkspaceLockedException.class.getName())
          .contains("process " + MY_PID + " ");
      assertThat(ws.audit().verify().valid()).isTrue();
    }
  }

  @Test
  @Timeout(120)
  void workspaceHeldByAnotherProcessIsRefusedAndFreedWhenThatProcessDies() throws Exception {
    Process child = startChild("hold");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("child stderr: %s", childLog()).isEqualTo("HOLDING " + child.pid());

      WorkspaceLockedException e = catchThrowableOfType(WorkspaceLockedException.class, this::open);
      assertThat(e.getMessage()).contains("already open").contains("process " + child.pid() + " ");

      // A crash never leaves the workspace locked: the OS drops the lock with the process.
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      try (LocalWorkspace ws = open()) {
        assertThat(ws.audit().verify().valid()).isTrue();
        assertThat(ws.summary().created()).isFalse();
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  @Timeout(120)
  void workspaceClosedByAnotherProcessCanBeOpened() throws Exception {
    Process child = startChild("hold");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("child stderr: %s", childLog()).startsWith("HOLDING");
      try (OutputStream in = child.getOutputStream()) {
        in.write("done\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
      try (LocalWorkspace ws = open()) {
        assertThat(ws.audit().count()).isOne();
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private Path childLog() {
    return tmp.resolve("child.log");
  }

  private Process startChild(String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                OpenWorkspaceProcess.class.getName(),
                mode,
                dir.toString()))
        .redirectError(childLog().toFile())
        .start();
  }

  /** Runs the child to its end and returns its one-line answer. */
  private String runChild(String mode) throws Exception {
    Process child = startChild(mode);
    try {
      child.getOutputStream().close();
      String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as("child stdout; stderr in %s", childLog()).isNotBlank();
      return out.strip();
    } finally {
      child.destroyForcibly();
    }
  }
}
