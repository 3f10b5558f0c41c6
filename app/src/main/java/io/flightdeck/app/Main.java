package io.flightdeck.app;

import io.flightdeck.app.cli.FlightdeckCommand;

/**
 * The entry point. Not a JavaFX {@code Application}, so the classpath launch works and {@code
 * --version} and headless commands answer before (and without) the UI toolkit starting.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = FlightdeckCommand.execute(args);
    System.exit(code);
  }
}
