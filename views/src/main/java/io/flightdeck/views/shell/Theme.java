package io.flightdeck.views.shell;

/** The two looks of the app; each is a stylesheet of looked-up colours over one base stylesheet. */
public enum Theme {
  LIGHT("light.css"),
  DARK("dark.css");

  private final String stylesheet;

  Theme(String stylesheet) {
    this.stylesheet = stylesheet;
  }

  /** The stylesheet's URL as a string, for {@code Scene.getStylesheets()}. */
  public String stylesheetUrl() {
    return Theme.class.getResource("/io/flightdeck/views/" + stylesheet).toExternalForm();
  }

  /** The base stylesheet shared by both themes. */
  public static String baseStylesheetUrl() {
    return Theme.class.getResource("/io/flightdeck/views/flightdeck.css").toExternalForm();
  }

  /** The other theme. */
  public Theme toggled() {
    return this == LIGHT ? DARK : LIGHT;
  }
}
