package io.flightdeck.core.tracking;

import java.time.Instant;

/**
 * A named group of runs.
 *
 * @param id the workspace-wide number (MLflow's experiment_id as a string of this number)
 * @param name unique, validated by {@link TrackingNames#experimentName}
 * @param created when it was created
 */
public record Experiment(long id, String name, Instant created) {}
