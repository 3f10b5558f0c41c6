package io.flightdeck.controllers.hosts;

import io.flightdeck.controllers.task.TaskRunner;
import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.hosts.AgentStatus;
import io.flightdeck.core.hosts.HostConfig;
import io.flightdeck.core.hosts.HostFacts;
import io.flightdeck.core.hosts.HostOperations;
import io.flightdeck.core.hosts.HostService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test Connection, Install/Upgrade Agent, Uninstall Agent and Remove, each off the FX thread with
 * its progress in the status bar (where Cancel stops it) and its outcome in the host's status and
 * details.
 */
final class HostActions {
  /** Where outcomes go: the host's status cell and details text (FX thread). */
  interface Results {
    void show(String host, String status, String details);

    /** The inventory changed (a host was removed). */
    void changed();
  }

  private record Tested(HostFacts facts, String agentLine) {}

  private record Installed(AgentStatus status, List<String> steps) {}

  private final HostOperations ops;
  private final HostService hosts;
  private final KeyGate gate;
  private final TaskRunner tasks;
  private final HostPrompts prompts;
  private final Results results;

  HostActions(
      HostOperations ops,
      HostService hosts,
      KeyGate gate,
      TaskRunner tasks,
      HostPrompts prompts,
      Results results) {
    this.ops = ops;
    this.hosts = hosts;
    this.gate = gate;
    this.tasks = tasks;
    this.prompts = prompts;
    this.results = results;
  }

  void test(HostConfig h) {
    String what = "Test the connection to " + h.name();
    gate.whenTrusted(
        h,
        () ->
            tasks.submit(
                "Testing " + h.address(),
                p -> {
                  p.update(-1, "logging in and collecting facts");
                  HostFacts facts = ops.test(h);
                  p.update(-1, "checking the agent");
                  return new Tested(facts, agentLine(h));
                },
                t ->
                    results.show(
                        h.name(),
                        HostRows.tested(t.facts(), t.agentLine()),
                        HostRows.details(t.facts(), t.agentLine())),
                e -> failed(h, what, e)),
        () -> untrusted(h),
        e -> failed(h, what, e));
  }

  /** The agent status line; a failure to read it is shown in its place (the facts still count). */
  private String agentLine(HostConfig h) {
    try {
      return ops.agentStatus(h).describe();
    } catch (FlightdeckException e) {
      return "could not be checked: " + e.oneLine();
    }
  }

  void install(HostConfig h) {
    String what = "Install the agent on " + h.name();
    gate.whenTrusted(
        h,
        () ->
            tasks.submit(
                "Installing the agent on " + h.name(),
                p -> {
                  List<String> steps = new CopyOnWriteArrayList<>();
                  AgentStatus s =
                      ops.installAgent(
                          h,
                          line -> {
                            steps.add(line);
                            p.update(-1, line);
                          });
                  return new Installed(s, List.copyOf(steps));
                },
                r ->
                    results.show(
                        h.name(),
                        r.status().describe(),
                        HostRows.installed(r.status().describe(), r.steps())),
                e -> failed(h, what, e)),
        () -> untrusted(h),
        e -> failed(h, what, e));
  }

  void uninstall(HostConfig h) {
    prompts.confirmUninstall(
        h,
        purge ->
            tasks.submit(
                "Removing the agent from " + h.name(),
                p -> {
                  ops.uninstallAgent(h, purge);
                  return purge;
                },
                x -> {
                  String line =
                      "agent removed" + (purge ? ", with its job data" : " (job data kept)");
                  results.show(h.name(), line, "Agent status: " + line);
                },
                e -> failed(h, "Uninstall the agent from " + h.name(), e)));
  }

  void remove(HostConfig h) {
    prompts.confirmRemove(
        h,
        () ->
            tasks.submit(
                "Removing host " + h.name(),
                p -> hosts.remove(h.name()),
                removed -> results.changed(),
                e -> prompts.error("Remove host " + h.name(), e)));
  }

  private void untrusted(HostConfig h) {
    String line = "not connected: the host key is not trusted";
    results.show(h.name(), line, line + ".");
  }

  private void failed(HostConfig h, String what, Throwable e) {
    results.show(h.name(), "failed: " + HostRows.message(e), HostRows.message(e));
    prompts.error(what, e);
  }
}
