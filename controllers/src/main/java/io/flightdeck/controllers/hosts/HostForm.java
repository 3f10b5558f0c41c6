package io.flightdeck.controllers.hosts;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.AuthMethod;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostService;
import io.flightdeck.views.hosts.AuthChoice;
import io.flightdeck.views.hosts.HostFields;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Between the host dialog's fields and a {@link HostConfig}: defaults, imports, validation. */
final class HostForm {
  /**
   * The verdict on the fields.
   *
   * @param host the host they describe, when they are valid
   * @param problem what is wrong and how to fix it; empty when valid or when nothing is typed yet
   */
  record Check(Optional<HostConfig> host, String problem) {}

  private HostForm() {}

  /** The fields of a new host: port 22, the local user, ssh-agent, two jobs, "java". */
  static HostFields blank(String localUser) {
    return new HostFields("", "", "22", localUser, AuthChoice.SSH_AGENT, "", "2", "java");
  }

  static HostFields of(HostConfig h) {
    return new HostFields(
        h.name(),
        h.hostname(),
        String.valueOf(h.port()),
        h.user(),
        choice(h.auth()),
        h.keyFile(),
        String.valueOf(h.maxJobs()),
        h.java());
  }

  /**
   * The fields with an ssh config alias filled in: its name (made usable), address, port and user;
   * its IdentityFile switches to key authentication. What the alias does not say is kept.
   */
  static HostFields imported(SshConfigFile.Entry e, HostFields current) {
    boolean key = !e.identityFile().isEmpty();
    AuthChoice auth =
        key
            ? AuthChoice.KEY_FILE
            : current.auth() == AuthChoice.KEY_FILE ? AuthChoice.SSH_AGENT : current.auth();
    return new HostFields(
        e.alias().replaceAll("[^A-Za-z0-9._-]", "-"),
        e.hostname(),
        e.port().isEmpty() ? "22" : e.port(),
        e.user().isEmpty() ? current.user() : e.user(),
        auth,
        key ? e.identityFile() : "",
        current.maxJobs(),
        current.java());
  }

  /**
   * Checks the fields with the same rules the inventory applies when storing.
   *
   * @param taken names that are in use (for a new host); empty when editing
   * @param original the host being edited, whose creation time is kept
   */
  static Check check(HostFields f, Set<String> taken, Optional<HostConfig> original) {
    if (f.name().isBlank() && f.hostname().isBlank()) {
      return new Check(Optional.empty(), "");
    }
    try {
      HostConfig h = toConfig(f, original);
      HostService.check(h);
      if (taken.contains(h.name())) {
        throw new FlightdeckException(
            "A host named '" + h.name() + "' exists already.",
            "Choose another name, or edit the existing host.");
      }
      return new Check(Optional.of(h), "");
    } catch (FlightdeckException e) {
      return new Check(Optional.empty(), e.oneLine());
    }
  }

  private static HostConfig toConfig(HostFields f, Optional<HostConfig> original) {
    AuthMethod auth = method(f.auth());
    Instant created = original.map(HostConfig::created).orElse(Instant.EPOCH);
    return new HostConfig(
        f.name().strip(),
        f.hostname().strip(),
        number(f.port(), "Port", "Give a port from 1 to 65535 (SSH uses 22)."),
        f.user().strip(),
        auth,
        auth == AuthMethod.KEY ? f.keyFile().strip() : "",
        number(f.maxJobs(), "Max jobs", "Give a number from 1 to 256."),
        f.java().strip(),
        created,
        original.map(HostConfig::updated).orElse(created));
  }

  private static int number(String text, String field, String hint) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new FlightdeckException(
          field + " '" + text.strip() + "' is not a whole number.", hint, e);
    }
  }

  static AuthMethod method(AuthChoice c) {
    return switch (c == null ? AuthChoice.SSH_AGENT : c) {
      case KEY_FILE -> AuthMethod.KEY;
      case SSH_AGENT -> AuthMethod.AGENT;
      case PASSWORD -> AuthMethod.PASSWORD;
    };
  }

  static AuthChoice choice(AuthMethod m) {
    return switch (m) {
      case KEY -> AuthChoice.KEY_FILE;
      case AGENT -> AuthChoice.SSH_AGENT;
      case PASSWORD -> AuthChoice.PASSWORD;
    };
  }
}
