package io.flightdeck.views.runs;

/** A key and its value (params, tags, run facts). */
public record KeyValueRow(String key, String value) {}
