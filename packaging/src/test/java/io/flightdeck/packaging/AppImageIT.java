package io.flightdeck.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app-image that build.sh made (and packaged into the .deb), run where it was built: its
 * launcher is the shell script launcher.sh (ADR 0005), the rest is jpackage's.
 */
class AppImageIT {
  @TempDir Path home;

  @BeforeAll
  static void linuxOnly() {
    Images.assumeLinux();
  }

  @Test
  void launcherAnswersHeadlessCommands() throws Exception {
    Images.assertHeadlessCommands(Images.appImage().resolve("bin/flightdeck"), home);
  }

  /**
   * bin/flightdeck is launcher.sh, not jpackage's native launcher, and starts the JVM exactly as
   * the cfg says, also when it is started through a chain of symlinks (absolute, then relative), as
   * {@code /usr/local/bin/flightdeck -> /opt/flightdeck/bin/flightdeck} would be.
   */
  @Test
  void scriptLauncherStartsTheBundledJavaWithTheCfgsClassPathAndOptions() throws Exception {
    Path image = Images.appImage();
    Images.assertScriptLauncher(image);
    Images.assertStartsLikeTheCfg(image.resolve("bin/flightdeck"), image, home);

    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("fd"), image.resolve("bin/flightdeck").toAbsolutePath());
    Path link = Files.createSymbolicLink(home.resolve("flightdeck"), Path.of("bin/fd"));
    try {
      Images.assertStartsLikeTheCfg(link, image, home);
    } finally { // @TempDir warns about links that point outside it
      Files.delete(link);
      Files.delete(bin.resolve("fd"));
    }
  }

  @Test
  void bundlesItsOwnRuntimeWithTheJdkCdsArchive() {
    Path runtime = Images.appImage().resolve("lib/runtime");
    assertThat(runtime.resolve("lib/modules")).isRegularFile();
    assertThat(runtime.resolve("lib/server/classes.jsa"))
        .as("jlink --generate-cds-archive")
        .isRegularFile();
  }

  @Test
  void launcherPointsAtTheAppCdsArchiveAndCarriesWhatPostinstNeeds() throws Exception {
    Path app = Images.appImage().resolve("lib/app");
    assertThat(Files.readString(app.resolve("flightdeck.cfg")))
        .contains("java-options=-XX:SharedArchiveFile=$APPDIR/flightdeck.jsa")
        .doesNotContain("-Xshare:");
    assertThat(app.resolve("make-appcds.sh")).isExecutable();
    try (var lines = Files.lines(app.resolve("flightdeck.classlist"))) {
      assertThat(lines.filter(l -> l.startsWith("io/flightdeck/app/")))
          .as("the class list names the app's classes")
          .contains("io/flightdeck/app/Main");
    }
  }
}
