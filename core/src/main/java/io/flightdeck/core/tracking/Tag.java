package io.flightdeck.core.tracking;

/** A tag: may be overwritten. Keys starting with "mlflow." are MLflow's system tags. */
public record Tag(String key, String value) {}
