package io.flightdeck.controllers.shell;

import java.util.Optional;

/**
 * Per-user UI settings (theme, window geometry), persisted by the app. Thread-safe; writes are
 * durable.
 */
public interface UiSettings {
  Optional<String> get(String key);

  void put(String key, String value);
}
