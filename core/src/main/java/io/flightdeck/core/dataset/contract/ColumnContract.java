package io.flightdeck.core.dataset.contract;

import io.flightdeck.core.dataset.ColumnType;
import java.util.List;

/**
 * What a column must look like.
 *
 * @param name the column name
 * @param type the expected type
 * @param required whether the column must be present
 * @param nullable whether missing values are allowed at all
 * @param maxMissingRate the largest share of missing values allowed (0..1)
 * @param min the smallest allowed value (numeric columns), or {@code null} for no bound
 * @param max the largest allowed value, or {@code null}
 * @param allowedCategories the allowed values (categorical and boolean columns), or {@code null}
 *     for any value
 */
public record ColumnContract(
    String name,
    ColumnType type,
    boolean required,
    boolean nullable,
    double maxMissingRate,
    Double min,
    Double max,
    List<String> allowedCategories) {
  /** Copies the category list. */
  public ColumnContract {
    allowedCategories = allowedCategories == null ? null : List.copyOf(allowedCategories);
  }
}
