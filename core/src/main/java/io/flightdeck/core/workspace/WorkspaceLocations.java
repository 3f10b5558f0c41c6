package io.flightdeck.core.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Flightdeck keeps its files by default, following each platform's convention (XDG base
 * directories on Linux). Pure: it reads only the environment and properties it is given.
 */
public final class WorkspaceLocations {
  private final Map<String, String> env;
  private final String osName;
  private final Path home;

  /**
   * @param env the process environment (e.g. {@code System.getenv()})
   * @param osName the {@code os.name} property
   * @param home the user's home directory
   */
  public WorkspaceLocations(Map<String, String> env, String osName, Path home) {
    this.env = Map.copyOf(env);
    this.osName = osName.toLowerCase(Locale.ROOT);
    this.home = home;
  }

  /** The locations of the running process. */
  public static WorkspaceLocations ofSystem() {
    return new WorkspaceLocations(
        System.getenv(),
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home")));
  }

  /** The default workspace: {@code $XDG_DATA_HOME/flightdeck/workspace} on Linux. */
  public Path defaultWorkspace() {
    return dataHome().resolve("workspace");
  }

  /** Per-user settings (theme, window geometry): {@code $XDG_CONFIG_HOME/flightdeck} on Linux. */
  public Path configHome() {
    if (isWindows()) {
      return windowsBase("APPDATA", "AppData/Roaming").resolve("Flightdeck");
    }
    if (isMac()) {
      return home.resolve("Library/Application Support/Flightdeck");
    }
    return xdg("XDG_CONFIG_HOME", ".config").resolve("flightdeck");
  }

  private Path dataHome() {
    if (isWindows()) {
      return windowsBase("LOCALAPPDATA", "AppData/Local").resolve("Flightdeck");
    }
    if (isMac()) {
      return home.resolve("Library/Application Support/Flightdeck");
    }
    return xdg("XDG_DATA_HOME", ".local/share").resolve("flightdeck");
  }

  private Path xdg(String variable, String fallback) {
    String value = env.get(variable);
    // The XDG spec says relative values are invalid and must be ignored.
    if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
      return Path.of(value);
    }
    return home.resolve(fallback);
  }

  private Path windowsBase(String variable, String fallback) {
    String value = env.get(variable);
    return value != null && !value.isBlank() ? Path.of(value) : home.resolve(fallback);
  }

  private boolean isWindows() {
    return osName.startsWith("windows");
  }

  private boolean isMac() {
    return osName.startsWith("mac");
  }
}
