package io.flightdeck.views.hosts;

/**
 * One host of the Hosts table.
 *
 * @param name the inventory name
 * @param address "user@hostname:port"
 * @param auth how Flightdeck logs in ("key ~/.ssh/id_ed25519", "ssh-agent", "password")
 * @param maxJobs jobs at once
 * @param status the last test result or agent status; empty until known
 */
public record HostRow(String name, String address, String auth, int maxJobs, String status) {}
