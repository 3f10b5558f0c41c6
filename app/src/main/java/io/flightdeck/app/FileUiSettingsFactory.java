package io.flightdeck.app;

import io.flightdeck.controllers.shell.UiSettings;
import java.nio.file.Path;
import java.util.Map;

/** Public factories for the GUI package and the UI tests. */
public final class FileUiSettingsFactory {
  private FileUiSettingsFactory() {}

  /** Settings kept in {@code file} (created on first write). */
  public static UiSettings create(Path file) {
    return new FileUiSettings(file);
  }

  /** All versions for the About dialog. */
  public static Map<String, String> versions() {
    return Versions.all();
  }
}
