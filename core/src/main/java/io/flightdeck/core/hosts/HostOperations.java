package io.flightdeck.core.hosts;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the app does with a host over SSH: see and accept its key, test it, install or remove the
 * agent. Implemented by the runners (SSHJ). Every method blocks on the network; never call one on
 * the UI thread.
 */
public interface HostOperations {
  /**
   * Connects far enough to see the host's key.
   *
   * @return the offer when the key is unknown or changed; empty when it is trusted already
   * @throws io.flightdeck.core.error.FlightdeckException when the host cannot be reached
   */
  Optional<KeyOffer> offeredKey(HostConfig host);

  /**
   * Trusts an offered key: only an unknown one, never a changed one.
   *
   * @throws io.flightdeck.core.error.FlightdeckException for a changed key
   */
  void acceptKey(HostConfig host, KeyOffer offer);

  /**
   * Logs in and collects facts: OS, architecture, CPUs, memory, disk, Java, GPUs, agent.
   *
   * @throws io.flightdeck.core.error.FlightdeckException when the key is not trusted, the login is
   *     refused, or the host cannot be reached (each with what to do)
   */
  HostFacts test(HostConfig host);

  /** The installed agent compared with the shipped one. */
  AgentStatus agentStatus(HostConfig host);

  /**
   * Installs or upgrades the agent: uploads the jar into a folder named by its SHA-256 only when it
   * is not there, checks the hash on the host, then makes it current. Refuses a host without Java
   * 17 or newer, saying how to fix it.
   *
   * @param progress human-readable progress lines ("uploading 12 of 52 MB at 80 MB/s")
   */
  AgentStatus installAgent(HostConfig host, Consumer<String> progress);

  /**
   * Removes the agent's jars from the host (not the job data). Refuses while jobs run there.
   *
   * @param purge also remove the agent's home (spools, data cache)
   */
  void uninstallAgent(HostConfig host, boolean purge);
}
