package io.flightdeck.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.core.FlightdeckVersion;
import io.flightdeck.core.workspace.WorkspaceLockedException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlightdeckExceptionTest {
  @Test
  void oneLineJoinsMessageAndHint() {
    FlightdeckException e = new FlightdeckException("The file x is broken.", "Restore it.");
    assertThat(e.getMessage()).isEqualTo("The file x is broken.");
    assertThat(e.hint()).isEqualTo("Restore it.");
    assertThat(e.oneLine()).isEqualTo("The file x is broken. Restore it.");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void missingHintIsEmptyAndOneLineIsTheMessage() {
    FlightdeckException e = new FlightdeckException("Gone.", null);
    assertThat(e.hint()).isEmpty();
    assertThat(e.oneLine()).isEqualTo("Gone.");
  }

  @Test
  void keepsTheCause() {
    IOException cause = new IOException("disk");
    assertThat(new FlightdeckException("m", "h", cause)).hasCause(cause);
  }

  @Test
  void lockedExceptionNamesWorkspaceAndHolder() {
    Path dir = Path.of("").toAbsolutePath().resolve("ws");
    WorkspaceLockedException e = new WorkspaceLockedException(dir, "process 42 of user ana");
    assertThat(e).isInstanceOf(FlightdeckException.class);
    assertThat(e.getMessage())
        .isEqualTo(
            "The workspace "
                + dir
                + " is already open in another Flightdeck (process 42 of user ana).");
    assertThat(e.holder()).isEqualTo("process 42 of user ana");
    assertThat(e.hint()).contains("--workspace DIR");
  }

  @Test
  void versionComesFromTheFilteredBuildResource() {
    assertThat(FlightdeckVersion.version()).isNotBlank().doesNotContain("${").isNotEqualTo("dev");
  }
}
