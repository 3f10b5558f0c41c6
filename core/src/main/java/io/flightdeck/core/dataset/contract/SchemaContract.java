package io.flightdeck.core.dataset.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flightdeck.core.error.FlightdeckException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schema contract of a dataset: per column, type, nullability, missing rate, range and allowed
 * categories. Derived from a reference version ({@link ContractDeriver}), saved per dataset, edited
 * by the user as JSON, and checked by {@link Validator}. Immutable.
 *
 * @param dataset the dataset it belongs to
 * @param derivedFrom the version it was derived from ({@code NAME:N}), or empty text if written by
 *     hand
 * @param tolerance the relative tolerance used when deriving (0.1 = 10 %)
 * @param allowNewColumns whether columns not in the contract are accepted without a warning
 * @param columns the column rules, in order
 */
public record SchemaContract(
    String dataset,
    String derivedFrom,
    double tolerance,
    boolean allowNewColumns,
    List<ColumnContract> columns) {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Copies the columns and checks the names are unique. */
  public SchemaContract {
    columns = List.copyOf(columns);
    derivedFrom = derivedFrom == null ? "" : derivedFrom;
    Set<String> names = new HashSet<>();
    for (ColumnContract c : columns) {
      if (c.name() == null || c.name().isBlank() || !names.add(c.name())) {
        throw new FlightdeckException(
            "The schema contract of "
                + dataset
                + " names the column '"
                + c.name()
                + "' twice or leaves it empty.",
            "Give each column rule a unique name.");
      }
      if (c.type() == null) {
        throw new FlightdeckException(
            "The schema contract of " + dataset + " has no type for column '" + c.name() + "'.",
            "Set \"type\" to one of INTEGER, DECIMAL, BOOLEAN, TIMESTAMP, CATEGORICAL, TEXT.");
      }
      if (!(c.maxMissingRate() >= 0 && c.maxMissingRate() <= 1)) {
        throw new FlightdeckException(
            "The schema contract of "
                + dataset
                + " has maxMissingRate "
                + c.maxMissingRate()
                + " for column '"
                + c.name()
                + "'.",
            "Use a share between 0 and 1.");
      }
      if (c.min() != null && c.max() != null && c.min() > c.max()) {
        throw new FlightdeckException(
            "The schema contract of " + dataset + " has min > max for column '" + c.name() + "'.",
            "Swap or fix the bounds.");
      }
    }
  }

  /** The rule for a column, if any. */
  public Optional<ColumnContract> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The contract as indented JSON, for saving and editing. */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A contract is always writable as JSON", e);
    }
  }

  /**
   * Reads a contract written by {@link #toJson()} (and perhaps edited by hand).
   *
   * @throws FlightdeckException naming the line and column of the JSON problem, or the rule broken
   */
  public static SchemaContract fromJson(String json) {
    try {
      SchemaContract c = MAPPER.readValue(json, SchemaContract.class);
      if (c == null || c.dataset() == null) {
        throw new FlightdeckException(
            "The schema contract has no \"dataset\".", "Start from a derived contract.");
      }
      return c;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new FlightdeckException(
          "The schema contract is not valid JSON" + where + ": " + e.getOriginalMessage() + ".",
          "Fix the JSON, or derive a new contract from a reference version.",
          e);
    }
  }
}
