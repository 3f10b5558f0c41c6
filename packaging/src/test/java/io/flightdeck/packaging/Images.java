package io.flightdeck.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where build.sh left its outputs, and what every launcher must do. */
final class Images {
  static final String VERSION = System.getProperty("flightdeck.version", "0.1.0");
  static final Path JPACKAGE_DIR =
      Path.of(System.getProperty("flightdeck.jpackage.dir", "target/jpackage"));

  private Images() {}

  static void assumeLinux() {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux"),
        "the Linux images are built and tested on Linux only");
  }

  static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  static Path appImage() {
    Path image = JPACKAGE_DIR.resolve("image/flightdeck");
    assertThat(image.resolve("bin/flightdeck")).as("the app-image launcher").isExecutable();
    return image;
  }

  static Path deb() throws IOException {
    try (Stream<Path> s = Files.list(JPACKAGE_DIR.resolve("dist"))) {
      List<Path> debs = s.filter(p -> p.toString().endsWith(".deb")).toList();
      assertThat(debs).as("one .deb in %s", JPACKAGE_DIR.resolve("dist")).hasSize(1);
      return debs.get(0);
    }
  }

  /**
   * The headless commands every build of the launcher must answer: {@code --version}, then {@code
   * workspace info} (creates the workspace and its database), then {@code audit verify} on it.
   */
  static void assertHeadlessCommands(Path launcher, Path home)
      throws IOException, InterruptedException {
    Run version = Run.of(home, launcher.toString(), "--version");
    assertThat(version.exitCode()).as(version.describe()).isZero();
    assertThat(version.out()).as(version.describe()).contains("Flightdeck " + VERSION);

    Path workspace = home.resolve("workspace");
    Run info =
        Run.of(home, launcher.toString(), "--workspace", workspace.toString(), "workspace", "info");
    assertThat(info.exitCode()).as(info.describe()).isZero();
    assertThat(workspace.resolve("db/flightdeck.mv.db")).as(info.describe()).isRegularFile();

    Run verify =
        Run.of(home, launcher.toString(), "--workspace", workspace.toString(), "audit", "verify");
    assertThat(verify.exitCode()).as(verify.describe()).isZero();
  }
}
