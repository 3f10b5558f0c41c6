package io.flightdeck.views.runs;

import java.util.List;

/**
 * One param of the compared runs.
 *
 * @param key the param key
 * @param values the value in each compared run, in column order ("" when a run lacks it)
 * @param differs whether the values are not all equal
 */
public record CompareRow(String key, List<String> values, boolean differs) {}
