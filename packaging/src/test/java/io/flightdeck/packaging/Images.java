package io.flightdeck.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    // the agent that remote hosts get over SSH ships inside the image, beside flightdeck.jar
    Path agentJar =
        launcher.toRealPath().getParent().getParent().resolve("lib/app/agent/flightdeck-agent.jar");
    assertThat(agentJar).isRegularFile();
    assertThat(Files.size(agentJar)).isGreaterThan(10_000_000L);
    Run hosts =
        Run.of(home, launcher.toString(), "--workspace", workspace.toString(), "hosts", "list");
    assertThat(hosts.exitCode()).as(hosts.describe()).isZero();
    assertThat(hosts.out()).as(hosts.describe()).contains("No hosts yet");

    // the local agent starts from the installed image: Tribuo, ONNX Runtime and jdk.httpserver
    Run sample =
        Run.of(
            home, launcher.toString(), "--workspace", workspace.toString(), "datasets", "sample");
    assertThat(sample.exitCode()).as(sample.describe()).isZero();
    Run train =
        Run.of(
            home,
            launcher.toString(),
            "--workspace",
            workspace.toString(),
            "train",
            "--dataset",
            "seattle-weather:1",
            "--target",
            "weather",
            "--param",
            "epochs=2");
    assertThat(train.exitCode()).as(train.describe()).isZero();
    assertThat(train.out()).as(train.describe()).contains("ended FINISHED");
    Run command =
        Run.of(
            home,
            launcher.toString(),
            "--workspace",
            workspace.toString(),
            "run",
            "--workdir",
            home.toString(),
            "--",
            "sh",
            "-c",
            "echo \"##flightdeck metric m 1 1\"; test -n \"$MLFLOW_TRACKING_URI\"");
    assertThat(command.exitCode()).as(command.describe()).isZero();
  }

  /** The script launcher that build.sh puts in place of jpackage's native one (ADR 0005). */
  static void assertScriptLauncher(Path root) throws IOException {
    Path launcher = root.resolve("bin/flightdeck");
    assertThat(launcher).isExecutable();
    assertThat(Files.readString(launcher))
        .as("bin/flightdeck is the shell script launcher.sh")
        .startsWith("#!/bin/sh")
        .contains("exec \"$java\" \"$@\"");
    assertThat(root.resolve("lib/libapplauncher.so"))
        .as("the native launcher's library is not shipped")
        .doesNotExist();
  }

  /**
   * Starts {@code launcher --version} and asks the JVM what it was started with: the bundled
   * runtime, exactly the class path and Java options of {@code root/lib/app/flightdeck.cfg} (with
   * {@code $APPDIR} expanded to the real path), {@code jpackage.app-path}, then the main class and
   * the arguments. {@code launcher} may be a symlink to {@code root/bin/flightdeck}.
   */
  static void assertStartsLikeTheCfg(Path launcher, Path root, Path home)
      throws IOException, InterruptedException {
    Path real = root.toRealPath();
    String appDir = real.resolve("lib/app").toString();
    List<String> classPath = new ArrayList<>();
    List<String> options = new ArrayList<>();
    String mainClass = null;
    for (String line : Files.readAllLines(real.resolve("lib/app/flightdeck.cfg"))) {
      String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", appDir);
      if (line.startsWith("app.classpath=")) {
        classPath.add(value);
      } else if (line.startsWith("app.mainclass=")) {
        mainClass = value;
      } else if (line.startsWith("java-options=")) {
        options.add(value);
      }
    }
    assertThat(classPath).as("the cfg's class path").isNotEmpty();
    assertThat(options).as("the cfg's java options").isNotEmpty();

    // bin/java reads JDK_JAVA_OPTIONS (jpackage's native launcher does not): a test hook only.
    Run run =
        Run.of(
            home,
            Map.of(
                "JDK_JAVA_OPTIONS", "-XshowSettings:properties",
                "JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags"),
            launcher.toString(),
            "--version");
    assertThat(run.exitCode()).as(run.describe()).isZero();
    Map<String, List<String>> props = properties(run.err());
    assertThat(props.get("java.home"))
        .as(run.describe())
        .containsExactly(real.resolve("lib/runtime").toString());
    assertThat(props.get("java.class.path")).as("class path").isEqualTo(classPath);
    assertThat(props.get("jpackage.app-path"))
        .containsExactly(real.resolve("bin/flightdeck").toString());
    assertThat(props.get("sun.java.command")).containsExactly(mainClass + " --version");
    String flags = run.out().lines().filter(l -> l.startsWith("-XX:")).findFirst().orElse("") + " ";
    for (String option : options) {
      if (option.startsWith("-D")) {
        String[] kv = option.substring(2).split("=", 2);
        assertThat(props.get(kv[0])).as(option).containsExactly(kv.length > 1 ? kv[1] : "");
      } else {
        assertThat(flags).as(option).contains(option + " ");
      }
    }
  }

  /**
   * {@code -XshowSettings:properties}: " key = value", a path list continued on lines that are
   * indented deeper.
   */
  private static Map<String, List<String>> properties(String settings) {
    Map<String, List<String>> props = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : settings.lines().toList()) {
      if (line.startsWith("        ") && current != null) {
        current.add(line.strip());
      } else if (line.startsWith("    ") && line.contains(" = ")) {
        String entry = line.substring(4);
        int eq = entry.indexOf(" = ");
        current = new ArrayList<>(List.of(entry.substring(eq + 3).strip()));
        props.put(entry.substring(0, eq), current);
      } else {
        current = null;
      }
    }
    return props;
  }
}
