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
        .flatMap(r -> fitToScreens(r, screens))
        .ifPresent(
            r -> {
              stage.setX(r.getMinX());
              stage.setY(r.getMinY());
              stage.setWidth(r.getWidth());
              stage.setHeight(r.getHeight());
            });
    stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized").orElse("false")));
  }

  /**
   * The saved bounds moved and shrunk to lie wholly on the screen they overlap most (screens change
   * between runs); empty when they overlap no screen.
   */
  static Optional<Rectangle2D> fitToScreens(Rectangle2D r, List<Rectangle2D> screens) {
    Rectangle2D best = null;
    double bestArea = 0;
    for (Rectangle2D s : screens) {
      double w = Math.min(r.getMaxX(), s.getMaxX()) - Math.max(r.getMinX(), s.getMinX());
      double h = Math.min(r.getMaxY(), s.getMaxY()) - Math.max(r.getMinY(), s.getMinY());
      if (w > 0 && h > 0 && w * h > bestArea) {
        bestArea = w * h;
        best = s;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    double width = Math.min(r.getWidth(), best.getWidth());
    double height = Math.min(r.getHeight(), best.getHeight());
    double x = Math.max(best.getMinX(), Math.min(r.getMinX(), best.getMaxX() - width));
    double y = Math.max(best.getMinY(), Math.min(r.getMinY(), best.getMaxY() - height));
    return Optional.of(new Rectangle2D(x, y, width, height));
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
