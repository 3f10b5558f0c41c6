package io.flightdeck.views.hosts;

/**
 * What the host dialog's fields hold, as typed.
 *
 * @param name the inventory name
 * @param hostname DNS name or address
 * @param port the SSH port, as typed
 * @param user the remote user
 * @param auth how to log in
 * @param keyFile the private key file (for {@link AuthChoice#KEY_FILE})
 * @param maxJobs jobs at once, as typed
 * @param java the Java command on the host
 */
public record HostFields(
    String name,
    String hostname,
    String port,
    String user,
    AuthChoice auth,
    String keyFile,
    String maxJobs,
    String java) {}
