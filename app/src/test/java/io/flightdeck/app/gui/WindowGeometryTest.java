package io.flightdeck.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowGeometryTest {
  private static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1280, 800);

  @Test
  void boundsHangingOffTheScreenAreMovedOntoIt() {
    assertThat(WindowGeometry.fitToScreens(new Rectangle2D(90, 100, 1100, 720), List.of(SCREEN)))
        .contains(new Rectangle2D(90, 80, 1100, 720));
  }

  @Test
  void boundsLargerThanTheScreenAreShrunk() {
    assertThat(WindowGeometry.fitToScreens(new Rectangle2D(-50, -50, 3000, 2000), List.of(SCREEN)))
        .contains(SCREEN);
  }

  @Test
  void boundsOnAScreenThatIsGoneAreIgnored() {
    assertThat(WindowGeometry.fitToScreens(new Rectangle2D(3000, 0, 800, 600), List.of(SCREEN)))
        .isEmpty();
  }

  @Test
  void unreadableSettingsAreIgnored() {
    assertThat(WindowGeometry.parse("1,2,x,4")).isEmpty();
    assertThat(WindowGeometry.parse("")).isEmpty();
    assertThat(WindowGeometry.parse("1,2,3,4")).contains(new Rectangle2D(1, 2, 3, 4));
  }
}
