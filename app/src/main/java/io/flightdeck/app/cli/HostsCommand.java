package io.flightdeck.app.cli;

import io.flightdeck.app.jobs.RemoteHosts;
import io.flightdeck.controllers.hosts.SshConfigFile;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.AuthMethod;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostFacts;
import io.flightdeck.core.hosts.HostService;
import io.flightdeck.core.hosts.KeyOffer;
import io.flightdeck.core.json.Json;
import io.flightdeck.store.LocalWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flightdeck hosts add|list|test|remove}: the inventory of remote hosts. */
@Command(
    name = "hosts",
    description = "Remote hosts reached over SSH (keys verified; secrets never stored).",
    mixinStandardHelpOptions = true,
    subcommands = {
      HostsCommand.AddCmd.class,
      HostsCommand.ListCmd.class,
      HostsCommand.TestCmd.class,
      HostsCommand.RemoveCmd.class
    })
final class HostsCommand {
  private HostsCommand() {}

  static FlightdeckCommand root(CommandSpec spec) {
    return (FlightdeckCommand) spec.root().userObject();
  }

  @Command(
      name = "add",
      description =
          "Add a host. Its SSH key must be accepted: give --accept-fingerprint SHA256:... (as"
              + " 'ssh-keygen -lf' prints it on the host); without it the offered fingerprint is"
              + " shown and nothing is stored.",
      mixinStandardHelpOptions = true)
  static final class AddCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--host", paramLabel = "H", description = "DNS name or address.")
    String hostname;

    @Option(names = "--port", paramLabel = "P", description = "SSH port (default 22).")
    Integer port;

    @Option(names = "--user", paramLabel = "U", description = "Remote user (default: you).")
    String user;

    @Option(
        names = "--ssh-config",
        paramLabel = "ALIAS",
        description =
            "Take host name, port, user and key from this Host alias of ~/.ssh/config (options given"
                + " here win).")
    String sshAlias;

    @Option(names = "--ssh-config-file", paramLabel = "FILE", hidden = true)
    Path sshConfigFile = Path.of(System.getProperty("user.home"), ".ssh", "config");

    @Option(
        names = "--key",
        paramLabel = "FILE",
        description = "Private key file (default: the ssh-agent).")
    String key;

    @Option(names = "--password", description = "Log in with a password (asked, never stored).")
    boolean password;

    @Option(names = "--max-jobs", paramLabel = "N", description = "Jobs at once (default 2).")
    int maxJobs = 2;

    @Option(names = "--java", paramLabel = "CMD", description = "Java 17+ on the host.")
    String java = "java";

    @Option(names = "--accept-fingerprint", paramLabel = "SHA256:...")
    String fingerprint;

    @Option(names = "--replace", description = "Replace a host of the same name.")
    boolean replace;

    private void fromSshConfig() {
      List<SshConfigFile.Entry> entries;
      try {
        entries = SshConfigFile.read(sshConfigFile);
      } catch (IOException e) {
        throw new FlightdeckException(
            "Cannot read " + sshConfigFile + ": " + e.getMessage(),
            "Check the file's permissions.");
      }
      SshConfigFile.Entry e =
          entries.stream()
              .filter(x -> x.alias().equals(sshAlias))
              .findFirst()
              .orElseThrow(
                  () ->
                      new FlightdeckException(
                          "There is no Host '" + sshAlias + "' in " + sshConfigFile + ".",
                          "Aliases there: "
                              + (entries.isEmpty()
                                  ? "none"
                                  : String.join(
                                      ", ",
                                      entries.stream().map(SshConfigFile.Entry::alias).toList()))
                              + "."));
      if (hostname == null) {
        hostname = e.hostname();
      }
      if (port == null && !e.port().isBlank()) {
        try {
          port = Integer.parseInt(e.port().trim());
        } catch (NumberFormatException ex) {
          throw new FlightdeckException(
              "Port '" + e.port() + "' of Host " + sshAlias + " is not a number.",
              "Fix it in " + sshConfigFile + " or give --port.");
        }
      }
      if (user == null && !e.user().isBlank()) {
        user = e.user();
      }
      if (key == null && !password && !e.identityFile().isBlank()) {
        key = e.identityFile();
      }
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (sshAlias != null) {
        fromSshConfig();
      }
      if (hostname == null) {
        throw new FlightdeckException(
            "No host name was given.",
            "Give --host H, or --ssh-config ALIAS to take it from ~/.ssh/config.");
      }
      try (LocalWorkspace ws = root(spec).openWorkspace()) {
        HostConfig h =
            HostConfig.of(name, hostname, user == null ? System.getProperty("user.name") : user)
                .withPort(port == null ? 22 : port)
                .withMaxJobs(maxJobs)
                .withJava(java)
                .withAuth(password ? AuthMethod.PASSWORD : AuthMethod.AGENT);
        if (key != null) {
          h = h.withKey(key);
        }
        HostService.check(h);
        if (ws.hosts().find(name).isPresent() && !replace) {
          throw new FlightdeckException(
              "A host named '" + name + "' exists already.",
              "Choose another name, or add --replace.");
        }
        RemoteHosts remote = ConsoleCredentials.remoteHosts(ws);
        if (fingerprint == null) {
          Optional<KeyOffer> offer = remote.operations().offeredKey(h);
          if (offer.isPresent()) {
            KeyOffer o = offer.get();
            if (o.changed()) {
              throw new FlightdeckException(o.message(), "A changed key is never accepted here.");
            }
            throw new FlightdeckException(
                h.hostname()
                    + ":"
                    + h.port()
                    + " offers "
                    + o.keyType()
                    + " "
                    + o.fingerprint()
                    + ". Nothing was stored.",
                "Check it with the host's administrator (ssh-keygen -lf"
                    + " /etc/ssh/ssh_host_ed25519_key.pub on the host), then run this again with"
                    + " --accept-fingerprint "
                    + o.fingerprint()
                    + ".");
          }
        } else {
          remote.operations().acceptIfFingerprint(h, fingerprint);
        }
        HostConfig saved = ws.hosts().save(h, replace);
        out.printf("Added host %s (%s, %s).%n", saved.name(), saved.address(), saved.auth().name());
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "list",
      description = "The hosts of the inventory.",
      mixinStandardHelpOptions = true)
  static final class ListCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON array.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (LocalWorkspace ws = root(spec).openWorkspace()) {
        List<HostConfig> hosts = ws.hosts().list();
        if (json) {
          List<Map<String, Object>> rows = new ArrayList<>();
          for (HostConfig h : hosts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", h.name());
            m.put("hostname", h.hostname());
            m.put("port", h.port());
            m.put("user", h.user());
            m.put("auth", h.auth().name());
            m.put("keyFile", h.keyFile());
            m.put("maxJobs", h.maxJobs());
            m.put("java", h.java());
            rows.add(m);
          }
          out.println(Json.write(rows));
        } else if (hosts.isEmpty()) {
          out.println("No hosts yet. Add one with: flightdeck hosts add NAME --host H");
        } else {
          for (HostConfig h : hosts) {
            out.printf(
                "%-20s %-32s %-8s max %d jobs%n",
                h.name(), h.address(), h.auth().name(), h.maxJobs());
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "test",
      description = "Log in and show OS, CPUs, memory, disk, Java, GPUs and the agent.",
      mixinStandardHelpOptions = true)
  static final class TestCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (LocalWorkspace ws = root(spec).openWorkspace()) {
        HostConfig h = ws.hosts().require(name);
        HostFacts f = ConsoleCredentials.remoteHosts(ws).operations().test(h);
        out.printf("%s (%s) at %s:%n", h.name(), h.address(), Instant.now());
        f.lines().forEach(l -> out.println("  " + l));
        out.flush();
        return f.javaMajor() >= 17 ? 0 : 3;
      }
    }
  }

  @Command(
      name = "remove",
      description = "Remove a host from the inventory.",
      mixinStandardHelpOptions = true)
  static final class RemoveCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (LocalWorkspace ws = root(spec).openWorkspace()) {
        ws.hosts().require(name);
        if (ws.tracking().repository().liveJobs().stream().anyMatch(j -> j.host().equals(name))) {
          throw new FlightdeckException(
              "Jobs are still running on " + name + ".",
              "Wait for them to end or cancel them, then remove the host.");
        }
        ws.hosts().remove(name);
        out.printf("Removed host %s (its runs keep their host name).%n", name);
        out.flush();
        return 0;
      }
    }
  }
}
