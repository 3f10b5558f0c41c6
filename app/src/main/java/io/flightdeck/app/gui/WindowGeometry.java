package io.flightdeck.app.gui;

import io.flightdeck.controllers.shell.UiSettings;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Persists the window's position, size and maximised state; ignores a saved place that is off every
 * screen.
 */
final class WindowGeometry {
  private WindowGeometry() {}

  static void save(Stage stage, UiSettings settings) {
    settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
    if (!stage.isMaximized()) {
      settings.put(
          "window.bounds",
          stage.getX() + "," + stage.getY() + "," + stage.getWidth() + "," + stage.getHeight());
    }
  }

  static void restore(Stage stage, UiSettings settings, List<Rectangle2D> screens) {
    parse(settings.get("window.bounds").orElse(""))
        .filter(r -> r.getWidth() >= 400 && r.getHeight() >= 300)
        .filter(r -> screens.stream().anyMatch(s -> s.intersects(r)))
        .ifPresent(
            r -> {
              stage.setX(r.getMinX());
              stage.setY(r.getMinY());
              stage.setWidth(r.getWidth());
              stage.setHeight(r.getHeight());
            });
    stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized").orElse("false")));
  }

  static Optional<Rectangle2D> parse(String s) {
    String[] p = s.split(",");
    if (p.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Rectangle2D(
              Double.parseDouble(p[0]),
              Double.parseDouble(p[1]),
              Double.parseDouble(p[2]),
              Double.parseDouble(p[3])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
