package io.flightdeck.views.datasets;

import java.util.List;

/**
 * One column's profile, formatted for the profiles table.
 *
 * @param column name
 * @param type column type
 * @param role feature, target, id, time
 * @param count non-missing values
 * @param missing missing values (and NaN/Inf notes)
 * @param distinct distinct count, with "~" when estimated
 * @param min minimum (or empty)
 * @param max maximum (or empty)
 * @param mean mean (or empty)
 * @param std standard deviation (or empty)
 * @param quantiles p1 … p99 as text
 * @param histogram bar heights for the mini chart (bin counts or top-category counts)
 * @param binLabels labels of those bars
 */
public record ProfileRow(
    String column,
    String type,
    String role,
    long count,
    String missing,
    String distinct,
    String min,
    String max,
    String mean,
    String std,
    String quantiles,
    double[] histogram,
    List<String> binLabels) {}
