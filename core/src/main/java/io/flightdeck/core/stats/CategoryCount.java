package io.flightdeck.core.stats;

import java.util.Objects;

/**
 * A category and how often it occurs.
 *
 * @param value the label
 * @param count its count (a lower bound when the profile says the counts are estimated)
 */
public record CategoryCount(String value, long count) {
  /** Rejects a null label. */
  public CategoryCount {
    Objects.requireNonNull(value, "value");
  }
}
