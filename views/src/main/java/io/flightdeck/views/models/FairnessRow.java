package io.flightdeck.views.models;

/**
 * Metrics of one group of the chosen group column.
 *
 * @param group the group's value
 * @param rows how many rows
 * @param selectionRate share predicted positive
 * @param truePositiveRate recall within the group
 * @param accuracy accuracy within the group
 */
public record FairnessRow(
    String group, String rows, String selectionRate, String truePositiveRate, String accuracy) {}
