package io.flightdeck.app;

import io.flightdeck.controllers.shell.UiSettings;
import io.flightdeck.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UI settings in {@code settings.properties} under the user's config folder. Written whole to a
 * temporary file and renamed, so a crash never leaves half a file. A damaged file is set aside and
 * defaults are used.
 */
final class FileUiSettings implements UiSettings {
  private static final Logger LOG = LoggerFactory.getLogger(FileUiSettings.class);
  private final Path file;
  private final Properties props = new Properties();

  FileUiSettings(Path file) {
    this.file = file;
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        props.load(in);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warn("Settings file {} is unreadable; using defaults", file, e);
      }
    }
  }

  @Override
  public synchronized Optional<String> get(String key) {
    return Optional.ofNullable(props.getProperty(key));
  }

  @Override
  public synchronized void put(String key, String value) {
    props.setProperty(key, value);
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, out -> props.store(out, "Flightdeck UI settings"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write settings file " + file, e);
    }
  }
}
