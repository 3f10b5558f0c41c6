package io.flightdeck.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, read from a resource written by the build. */
public final class FlightdeckVersion {
  private FlightdeckVersion() {}

  /** The version string, e.g. {@code 0.1.0}. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in =
        FlightdeckVersion.class.getResourceAsStream("/io/flightdeck/core/version.properties")) {
      if (in == null) {
        return "dev";
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the build's version resource", e);
    }
    return p.getProperty("version", "dev");
  }
}
