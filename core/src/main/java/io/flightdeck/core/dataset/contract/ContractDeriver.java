package io.flightdeck.core.dataset.contract;

import io.flightdeck.core.dataset.ColumnProfile;
import io.flightdeck.core.dataset.ColumnRole;
import io.flightdeck.core.dataset.ColumnSpec;
import io.flightdeck.core.dataset.ColumnType;
import io.flightdeck.core.dataset.DatasetVersionInfo;
import io.flightdeck.core.dataset.columnar.ColumnChunk;
import io.flightdeck.core.dataset.columnar.ColumnarReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives a schema contract from a reference version, with Evidently's tolerance for data-quality
 * tests derived from a reference (default 10 %): the missing rate may grow by 10 % of itself; the
 * range widens by 10 % of its width on each side; categories are the reference's values (up to
 * {@value #MAX_CATEGORIES}). Only feature and target columns get ranges and categories; ID, time
 * and ignored columns only need to be present with their type. Stateless; reads the reference's
 * categorical columns (blocking I/O).
 */
public final class ContractDeriver {
  /** The default tolerance. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  /** Columns with more distinct values get no category rule. */
  public static final int MAX_CATEGORIES = 10_000;

  private ContractDeriver() {}

  /**
   * Derives a contract.
   *
   * @param version the reference version
   * @param profiles its column profiles
   * @param data its data, for the full list of categories
   * @param tolerance relative tolerance, e.g. 0.1
   */
  public static SchemaContract derive(
      DatasetVersionInfo version,
      List<ColumnProfile> profiles,
      ColumnarReader data,
      double tolerance)
      throws IOException {
    Map<String, ColumnProfile> byName =
        profiles.stream().collect(Collectors.toMap(ColumnProfile::column, Function.identity()));
    List<ColumnContract> out = new ArrayList<>();
    for (ColumnSpec c : version.schema()) {
      ColumnProfile p = byName.get(c.name());
      double rate = p == null ? 0 : p.missingRate();
      boolean valued = c.role() == ColumnRole.FEATURE || c.role() == ColumnRole.TARGET;
      Double min = null;
      Double max = null;
      List<String> categories = null;
      if (valued && c.type().isNumeric() && p != null && p.min() != null) {
        double width = p.max() - p.min();
        double pad = tolerance * (width > 0 ? width : Math.abs(p.max()));
        min = p.min() - pad;
        max = p.max() + pad;
      }
      if (valued && (c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.BOOLEAN)) {
        categories = categories(data, c);
      }
      out.add(
          new ColumnContract(
              c.name(),
              c.type(),
              true,
              p != null && p.missing() > 0,
              Math.min(1.0, rate * (1 + tolerance)),
              min,
              max,
              categories));
    }
    return new SchemaContract(
        version.ref().name(), version.ref().toString(), tolerance, false, out);
  }

  private static List<String> categories(ColumnarReader data, ColumnSpec c) throws IOException {
    if (c.type() == ColumnType.BOOLEAN) {
      TreeSet<String> seen = new TreeSet<>();
      int col = data.indexOf(c.name());
      for (int g = 0; g < data.groups() && seen.size() < 2; g++) {
        ColumnChunk chunk = data.chunk(g, col);
        for (int i = 0; i < chunk.rows(); i++) {
          if (!chunk.isNull(i)) {
            seen.add(chunk.booleanAt(i) ? "true" : "false");
          }
        }
      }
      return List.copyOf(seen);
    }
    TreeSet<String> seen = new TreeSet<>();
    int col = data.indexOf(c.name());
    for (int g = 0; g < data.groups(); g++) {
      ColumnChunk chunk = data.chunk(g, col);
      boolean[] used = new boolean[chunk.dictionary().length];
      for (int i = 0; i < chunk.rows(); i++) {
        int code = chunk.codeAt(i);
        if (code >= 0) {
          used[code] = true;
        }
      }
      String[] dict = chunk.dictionary();
      for (int k = 0; k < dict.length; k++) {
        if (used[k]) {
          seen.add(dict[k]);
        }
      }
      if (seen.size() > MAX_CATEGORIES) {
        return null;
      }
    }
    return List.copyOf(seen);
  }
}
