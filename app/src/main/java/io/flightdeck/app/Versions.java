package io.flightdeck.app;

import io.flightdeck.core.FlightdeckVersion;
import io.flightdeck.store.StoreVersions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Versions shown by {@code --version} and the About dialog. */
final class Versions {
  private Versions() {}

  /** Without touching the UI toolkit (safe before it starts). */
  static Map<String, String> basic() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Flightdeck", FlightdeckVersion.version());
    m.put(
        "Java",
        System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    m.put(
        "OS",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return m;
  }

  /** Everything, including JavaFX and the storage libraries. */
  static Map<String, String> all() {
    Map<String, String> m = basic();
    m.put("JavaFX", System.getProperty("javafx.runtime.version", "not started"));
    m.putAll(StoreVersions.versions());
    return m;
  }
}
