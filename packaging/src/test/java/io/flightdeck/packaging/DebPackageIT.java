package io.flightdeck.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb: its control data and menu entry, and its files extracted with {@code dpkg-deb -x} (no
 * root needed) and run from there through the script launcher (ADR 0006). A real {@code dpkg -i}
 * (which runs the postinst that makes the AppCDS archive) runs only as root, with dpkg and the
 * package's dependencies installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {
  private static final String LOG_CLASS_LOAD = "-Xlog:class+load";
  private static final String INSTALLED = "/opt/flightdeck";

  @TempDir static Path tmp;
  private static Path deb;
  private static Path extracted;

  @BeforeAll
  static void extract() throws Exception {
    Images.assumeLinux();
    assumeTrue(Images.onPath("dpkg-deb"), "dpkg-deb is needed to read the .deb");
    deb = Images.deb();
    extracted = tmp.resolve("root");
    Run x = Run.of(tmp.resolve("home"), "dpkg-deb", "-x", deb.toString(), extracted.toString());
    assertThat(x.exitCode()).as(x.describe()).isZero();
  }

  private static String field(String name) throws Exception {
    Run f = Run.of(tmp.resolve("home"), "dpkg-deb", "-f", deb.toString(), name);
    assertThat(f.exitCode()).as(f.describe()).isZero();
    return f.out().strip();
  }

  @Test
  @Order(1)
  void controlDataNamesThePackageAndTheGuiLibraries() throws Exception {
    assertThat(deb.getFileName().toString()).startsWith("flightdeck_" + Images.VERSION);
    assertThat(field("Package")).isEqualTo("flightdeck");
    assertThat(field("Version")).startsWith(Images.VERSION);
    assertThat(field("Depends")).contains("libgtk-3-0", "libxtst6", "libxxf86vm1");

    Path control = tmp.resolve("control");
    Run e = Run.of(tmp.resolve("home"), "dpkg-deb", "-e", deb.toString(), control.toString());
    assertThat(e.exitCode()).as(e.describe()).isZero();
    assertThat(Files.readString(control.resolve("postinst")))
        .contains("/opt/flightdeck/lib/app/make-appcds.sh");
    assertThat(Files.readString(control.resolve("prerm"))).contains("flightdeck.jsa");
  }

  @Test
  @Order(2)
  void extractedLauncherAnswersHeadlessCommands() throws Exception {
    Path root = extracted.resolve("opt/flightdeck");
    Path launcher = root.resolve("bin/flightdeck");
    Images.assertScriptLauncher(root);
    Images.assertStartsLikeTheCfg(launcher, root, tmp.resolve("home-extracted"));
    Images.assertHeadlessCommands(launcher, tmp.resolve("home-extracted"));
  }

  /** The menu entry (installed by postinst with xdg-desktop-menu) starts the script launcher. */
  @Test
  @Order(2)
  void menuEntryStartsTheLauncher() throws Exception {
    Path desktop = extracted.resolve("opt/flightdeck/lib/flightdeck-flightdeck.desktop");
    assertThat(desktopKey(desktop, "Exec")).isEqualTo(INSTALLED + "/bin/flightdeck");
    assertThat(desktopKey(desktop, "Icon")).isEqualTo(INSTALLED + "/lib/flightdeck.png");
    assertThat(extracted.resolve("opt/flightdeck/lib/flightdeck.png")).isRegularFile();
  }

  /**
   * What postinst does, done on the extracted files: make-appcds.sh dumps the archive for these
   * paths, and the launcher then takes most classes from it. The same files moved elsewhere show
   * why it must run at install time: JDK 17 rejects the archive (class path mismatch) and the
   * launcher still starts, without sharing.
   */
  @Test
  @Order(3)
  void appCdsArchiveIsUsedWhereItWasMadeAndIgnoredSafelyElsewhere() throws Exception {
    Path home = tmp.resolve("home-cds");
    Path root = extracted.resolve("opt/flightdeck");
    Run make = Run.of(home, "sh", root.resolve("lib/app/make-appcds.sh").toString());
    assertThat(make.exitCode()).as(make.describe()).isZero();
    assertThat(root.resolve("lib/app/flightdeck.jsa")).isRegularFile();
    assertThat(Files.isSymbolicLink(root.resolve("lib/app/flightdeck.jsa")))
        .as("the app archive, not the fallback link to the JDK's")
        .isFalse();

    Run shared =
        Run.of(home, Map.of("JAVA_TOOL_OPTIONS", LOG_CLASS_LOAD), launcher(root), "--version");
    assertThat(shared.exitCode()).as(shared.describe()).isZero();
    assertThat(shared.sharedClasses()).as("classes from the AppCDS archive").isGreaterThan(1000);
    Images.assertHeadlessCommands(Path.of(launcher(root)), home);

    Path moved = tmp.resolve("moved");
    Files.move(extracted, moved);
    try {
      Path movedRoot = moved.resolve("opt/flightdeck");
      Run rejected =
          Run.of(
              home, Map.of("JAVA_TOOL_OPTIONS", LOG_CLASS_LOAD), launcher(movedRoot), "--version");
      assertThat(rejected.exitCode()).as(rejected.describe()).isZero();
      assertThat(rejected.out()).contains("Flightdeck " + Images.VERSION);
      assertThat(rejected.sharedClasses()).as("an archive made for other paths").isZero();
    } finally {
      Files.move(moved, extracted);
    }
  }

  @Test
  @Order(4)
  void realInstallMakesTheArchiveInPostinstAndRemovesIt() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")) && Images.onPath("dpkg"),
        "a real dpkg -i needs root and dpkg: skipped, the extracted package was tested instead");
    assumeTrue(
        !Files.exists(Path.of(INSTALLED)),
        INSTALLED
            + " exists already: not installing over it (remove the flightdeck package first)");
    List<String> missing = missingDependencies();
    assumeTrue(
        missing.isEmpty(),
        "dpkg -i skipped: the package's dependencies are not installed: " + missing);

    Path home = tmp.resolve("home-installed");
    Run install = Run.of(home, "dpkg", "-i", deb.toString());
    try {
      assertThat(install.exitCode()).as(install.describe()).isZero();
      assertThat(Path.of(INSTALLED, "lib/app/flightdeck.jsa"))
          .as("postinst made the AppCDS archive\n" + install.describe())
          .isRegularFile();
      assertThat(Files.isSymbolicLink(Path.of(INSTALLED, "lib/app/flightdeck.jsa")))
          .as("the app archive, not the fallback link to the JDK's\n" + install.describe())
          .isFalse();
      Run shared =
          Run.of(
              home,
              Map.of("JAVA_TOOL_OPTIONS", LOG_CLASS_LOAD),
              INSTALLED + "/bin/flightdeck",
              "--version");
      assertThat(shared.exitCode()).as(shared.describe()).isZero();
      assertThat(shared.sharedClasses()).as("classes from the AppCDS archive").isGreaterThan(1000);
      Images.assertHeadlessCommands(Path.of(INSTALLED, "bin/flightdeck"), home);
      Images.assertStartsLikeTheCfg(Path.of(INSTALLED, "bin/flightdeck"), Path.of(INSTALLED), home);

      // What the menu runs (Exec= of the installed .desktop file), with --version appended.
      String exec = desktopKey(Path.of(INSTALLED, "lib/flightdeck-flightdeck.desktop"), "Exec");
      Run menu = Run.of(home, Map.of("JAVA_TOOL_OPTIONS", LOG_CLASS_LOAD), exec, "--version");
      assertThat(menu.exitCode()).as(menu.describe()).isZero();
      assertThat(menu.out()).contains("Flightdeck " + Images.VERSION);
      assertThat(menu.sharedClasses()).as("classes from the AppCDS archive").isGreaterThan(1000);
    } finally {
      Run remove = Run.of(home, "dpkg", "--purge", "flightdeck");
      assertThat(remove.exitCode()).as(remove.describe()).isZero();
    }
    assertThat(Path.of(INSTALLED)).as("prerm removed the archive, dpkg the rest").doesNotExist();
  }

  private static String desktopKey(Path desktop, String key) throws IOException {
    try (var lines = Files.lines(desktop)) {
      return lines
          .filter(l -> l.startsWith(key + "="))
          .map(l -> l.substring(key.length() + 1).strip())
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + key + "= in " + desktop));
    }
  }

  private static String launcher(Path root) {
    return root.resolve("bin/flightdeck").toString();
  }

  private static List<String> missingDependencies() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String dep : field("Depends").split(",")) {
      String pkg = dep.strip().split("[ (]")[0];
      if (!pkg.isEmpty() && !installed(pkg)) {
        missing.add(pkg);
      }
    }
    return missing;
  }

  private static boolean installed(String pkg) throws IOException, InterruptedException {
    Run q = Run.of(tmp.resolve("home"), "dpkg-query", "-W", "-f=${Status}", pkg);
    return q.exitCode() == 0 && q.out().strip().equals("install ok installed");
  }
}
