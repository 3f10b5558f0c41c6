package io.flightdeck.core.hosts;

import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.error.FlightdeckException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host inventory: checks every field before storing, and audits adds, edits and removals.
 * Thread-safe; blocks on the database.
 */
public final class HostService {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]{1,253}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,63}");
  private static final Pattern JAVA = Pattern.compile("[A-Za-z0-9_./+-]{1,512}");

  private final HostRepository repo;
  private final AuditLog audit;
  private final Clock clock;

  public HostService(HostRepository repo, AuditLog audit, Clock clock) {
    this.repo = repo;
    this.audit = audit;
    this.clock = clock;
  }

  public List<HostConfig> list() {
    return repo.list();
  }

  public Optional<HostConfig> find(String name) {
    return repo.find(name);
  }

  /** The host of that name, or an error that lists the known ones. */
  public HostConfig require(String name) {
    return repo.find(name)
        .orElseThrow(
            () ->
                new FlightdeckException(
                    "There is no host named '" + name + "'.",
                    "Known hosts: "
                        + (repo.list().isEmpty()
                            ? "none yet; add one with 'flightdeck hosts add' or in the Hosts section"
                            : String.join(
                                ", ", repo.list().stream().map(HostConfig::name).toList()))
                        + "."));
  }

  /**
   * Adds a new host or replaces one of the same name.
   *
   * @throws FlightdeckException naming the field that is wrong
   */
  public HostConfig save(HostConfig host, boolean replace) {
    check(host);
    Optional<HostConfig> old = repo.find(host.name());
    if (old.isPresent() && !replace) {
      throw new FlightdeckException(
          "A host named '" + host.name() + "' exists already.",
          "Choose another name, or edit the existing host.");
    }
    HostConfig stored =
        new HostConfig(
            host.name(),
            host.hostname(),
            host.port(),
            host.user(),
            host.auth(),
            host.keyFile(),
            host.maxJobs(),
            host.java(),
            old.map(HostConfig::created).orElse(clock.instant()),
            clock.instant());
    repo.save(stored);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("address", stored.address());
    details.put("auth", stored.auth().name());
    details.put("maxJobs", stored.maxJobs());
    audit.append(
        AuditEvent.of(
            old.isPresent() ? "host.updated" : "host.added", "host", host.name(), details));
    return stored;
  }

  /** Removes a host from the inventory (its runs keep their host name). */
  public boolean remove(String name) {
    boolean removed = repo.delete(name);
    if (removed) {
      audit.append(AuditEvent.of("host.removed", "host", name, Map.of()));
    }
    return removed;
  }

  /** Checks a host's fields; the message names the field and how to fix it. */
  public static void check(HostConfig h) {
    if (h.name() == null || !NAME.matcher(h.name()).matches()) {
      throw new FlightdeckException(
          "'" + h.name() + "' is not a usable host name.",
          "Use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit.");
    }
    if (h.name().equalsIgnoreCase(HostConfig.LOCAL)) {
      throw new FlightdeckException(
          "'local' is the name of this machine.", "Choose another name for the remote host.");
    }
    if (h.hostname() == null || !HOSTNAME.matcher(h.hostname()).matches()) {
      throw new FlightdeckException(
          "'" + h.hostname() + "' is not a host name or address.",
          "Give a DNS name (gpu1.lab.example) or an address (10.0.0.5).");
    }
    if (h.port() < 1 || h.port() > 65535) {
      throw new FlightdeckException(
          "Port " + h.port() + " is out of range.", "Give a port from 1 to 65535 (SSH uses 22).");
    }
    if (h.user() == null || !USER.matcher(h.user()).matches()) {
      throw new FlightdeckException(
          "'" + h.user() + "' is not a user name.",
          "Give the remote account's login name (letters, digits, '.', '_', '-').");
    }
    if (h.auth() == AuthMethod.KEY && h.keyFile().isBlank()) {
      throw new FlightdeckException(
          "Key authentication needs a private key file.",
          "Choose the key file (for example ~/.ssh/id_ed25519), or use the ssh-agent.");
    }
    if (h.maxJobs() < 1 || h.maxJobs() > 256) {
      throw new FlightdeckException(
          "At most " + h.maxJobs() + " jobs at once is not possible.",
          "Give a number from 1 to 256.");
    }
    if (!JAVA.matcher(h.java()).matches()) {
      throw new FlightdeckException(
          "'" + h.java() + "' is not a usable Java command.",
          "Give 'java' or an absolute path such as /usr/lib/jvm/java-17/bin/java (no spaces or"
              + " shell characters).");
    }
  }
}
