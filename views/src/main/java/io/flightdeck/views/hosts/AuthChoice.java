package io.flightdeck.views.hosts;

/** The ways to log in that the host dialog offers. */
public enum AuthChoice {
  KEY_FILE("Key file"),
  SSH_AGENT("ssh-agent"),
  PASSWORD("Password (asked, never stored)");

  private final String label;

  AuthChoice(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
