package io.flightdeck.core.stats;

import java.util.List;

/**
 * Profile of a categorical column.
 *
 * @param count all values seen, missing ones included
 * @param missing missing values ({@code null})
 * @param distinct distinct non-missing labels
 * @param distinctExact whether {@code distinct} is exact or a HyperLogLog estimate (~0.8 % error)
 * @param top the most frequent labels, by count descending then label ascending
 * @param topExact whether the counts in {@code top} are exact; when not, each may be short by up to
 *     {@code topMaxUndercount} (Misra-Gries) and rare labels may be missing from the list
 * @param topMaxUndercount the largest possible undercount of a count in {@code top} (0 when exact)
 */
public record CategoricalProfile(
    long count,
    long missing,
    long distinct,
    boolean distinctExact,
    List<CategoryCount> top,
    boolean topExact,
    long topMaxUndercount) {

  /** Copies the list. */
  public CategoricalProfile {
    top = List.copyOf(top);
  }
}
