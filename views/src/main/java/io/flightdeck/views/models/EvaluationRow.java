package io.flightdeck.views.models;

/**
 * A stored evaluation of the selected version.
 *
 * @param id its number (evidence "evaluation:ID")
 * @param dataset "name:version" of the dataset version
 * @param headline the main metrics, formatted ("accuracy 0.91 · f1 0.88")
 * @param when when
 * @param who who ran it
 */
public record EvaluationRow(long id, String dataset, String headline, String when, String who) {}
