package io.flightdeck.views.models;

/** An arrow of the lineage graph, from an upstream node to a downstream one (ids). */
public record LineageEdge(String from, String to) {}
