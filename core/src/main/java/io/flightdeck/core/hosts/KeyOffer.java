package io.flightdeck.core.hosts;

import java.security.PublicKey;

/**
 * A host key a server offered that Flightdeck does not trust yet, or that contradicts the one on
 * record.
 *
 * @param hostname the host
 * @param port its SSH port
 * @param keyType "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ...
 * @param fingerprint "SHA256:" + base64, as {@code ssh-keygen -lf} prints it
 * @param changed true when another key is on record for the host (never accepted by Flightdeck)
 * @param message the full warning, for display
 * @param key the offered key, to accept it
 */
public record KeyOffer(
    String hostname,
    int port,
    String keyType,
    String fingerprint,
    boolean changed,
    String message,
    PublicKey key) {}
