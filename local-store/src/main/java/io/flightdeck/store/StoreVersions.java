package io.flightdeck.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions of the storage libraries, for the About dialog and {@code --version}. */
public final class StoreVersions {
  private StoreVersions() {}

  /** Library name to version, in display order. */
  public static Map<String, String> versions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("H2", org.h2.engine.Constants.FULL_VERSION);
    m.put("jOOQ", org.jooq.Constants.FULL_VERSION);
    String flyway = org.flywaydb.core.Flyway.class.getPackage().getImplementationVersion();
    m.put("Flyway", flyway == null ? "unknown" : flyway);
    return m;
  }
}
