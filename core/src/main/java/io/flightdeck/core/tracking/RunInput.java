package io.flightdeck.core.tracking;

/**
 * A dataset version a run used, kept with its content hash so that the data can be proven later.
 *
 * @param dataset the dataset name
 * @param version its version number
 * @param sha256 the hash of the stored version's content
 * @param role "training", "validation", "evaluation" or another plain word
 */
public record RunInput(String dataset, int version, String sha256, String role) {}
