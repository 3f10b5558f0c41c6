package io.flightdeck.core.dataset;

import java.time.Instant;

/**
 * A dataset in the list: its name and newest version.
 *
 * @param name the dataset name
 * @param versions how many versions it has
 * @param latest the newest version
 * @param created when the first version was imported
 * @param hasContract whether a schema contract is saved for it
 */
public record DatasetSummary(
    String name, int versions, DatasetVersionInfo latest, Instant created, boolean hasContract) {}
