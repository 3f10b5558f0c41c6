package io.flightdeck.core.tracking;

/** A hyperparameter: immutable once logged (logging the same value again is allowed). */
public record Param(String key, String value) {}
