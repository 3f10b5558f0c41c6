package io.flightdeck.controllers.hosts;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostFacts;
import io.flightdeck.core.hosts.KeyOffer;
import io.flightdeck.views.hosts.HostRow;
import java.util.List;
import java.util.Locale;

/** How hosts, test results and host keys read in the Hosts section. */
final class HostRows {
  private HostRows() {}

  static HostRow row(HostConfig h, String status) {
    return new HostRow(h.name(), h.address(), auth(h), h.maxJobs(), status);
  }

  static String auth(HostConfig h) {
    return switch (h.auth()) {
      case KEY -> "key " + h.keyFile();
      case AGENT -> "ssh-agent";
      case PASSWORD -> "password (asked)";
    };
  }

  /** The status column after a successful test. */
  static String tested(HostFacts facts, String agentLine) {
    return "reachable ("
        + facts.latencyMillis()
        + " ms), "
        + (facts.javaVersion().isEmpty() ? "no Java" : "Java " + facts.javaMajor())
        + "; "
        + agentLine;
  }

  /** The details pane after a successful test: the facts, then the agent status line. */
  static String details(HostFacts facts, String agentLine) {
    return String.join("\n", facts.lines()) + "\n\nAgent status: " + agentLine;
  }

  /** The details pane after an install: the agent status, then what was done. */
  static String installed(String agentLine, List<String> steps) {
    return "Agent status: "
        + agentLine
        + (steps.isEmpty() ? "" : "\n\nInstall steps:\n" + String.join("\n", steps));
  }

  /** "host port 2222" for questions about a key (the port only when it is not 22). */
  static String where(KeyOffer offer) {
    return offer.hostname() + (offer.port() == 22 ? "" : " port " + offer.port());
  }

  /** The command that prints, on the host, the fingerprint of the key of that type. */
  static String checkCommand(String keyType) {
    String t = keyType.toLowerCase(Locale.ROOT);
    String file;
    if (t.contains("ed25519")) {
      file = "ed25519";
    } else if (t.contains("ecdsa")) {
      file = "ecdsa";
    } else if (t.contains("rsa")) {
      file = "rsa";
    } else if (t.contains("dss") || t.contains("dsa")) {
      file = "dsa";
    } else {
      return "ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub";
    }
    return "ssh-keygen -lf /etc/ssh/ssh_host_" + file + "_key.pub";
  }

  /** The plain sentence and hint of a failure, for a status cell or a dialog line. */
  static String message(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FlightdeckException fe) {
        return fe.oneLine();
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Whether the failure is one the user can act on (a FlightdeckException), not a crash. */
  static boolean refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FlightdeckException) {
        return true;
      }
    }
    return false;
  }
}
