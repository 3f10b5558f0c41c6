package io.flightdeck.app;

import io.flightdeck.app.cli.FlightdeckCommand;

/**
 * The entry point. Not a JavaFX {@code Application}, so the classpath launch works and {@code
 * --version} and headless commands answer before (and without) the UI toolkit starting.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // the agent's slf4j-simple shares the class path (the local agent starts from it): the app
    // names its own binding so that it never depends on class path order
    System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "WARN");
    int code = FlightdeckCommand.execute(args);
    System.exit(code);
  }
}
