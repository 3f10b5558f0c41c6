package io.flightdeck.agent;

import io.flightdeck.core.error.FlightdeckException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header read as a training table: a target column and numeric feature columns,
 * checked before any training so that a bad column fails the job with a message naming it.
 *
 * @param features feature names, sorted (the order ONNX inputs use)
 * @param x one row of feature values per example, in {@code features} order
 * @param y the target as text per example
 * @param lines the CSV line of each example, for messages
 */
record TrainingData(
    Path file,
    String target,
    List<String> features,
    List<double[]> x,
    List<String> y,
    List<Long> lines) {

  /**
   * Reads {@code file}.
   *
   * @param features the feature columns; empty means every numeric column but the target
   * @param numericTarget whether the target must be a number (regression)
   * @throws FlightdeckException naming the file, column and line of the first problem
   */
  static TrainingData load(Path file, String target, List<String> features, boolean numericTarget)
      throws IOException {
    List<String> header;
    List<CSVRecord> records;
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, format)) {
      header = p.getHeaderNames();
      records = p.getRecords();
    } catch (NoSuchFileException e) {
      throw new FlightdeckException(
          "The data file " + file + " does not exist.", "Give the absolute path of a CSV file.");
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new FlightdeckException(
          "The data file " + file + " is not a CSV file with a header: " + e.getMessage(),
          "Check the file's first line and its quoting.");
    }
    if (!header.contains(target)) {
      throw new FlightdeckException(
          "The target column '"
              + target
              + "' is not in "
              + file
              + "; its columns are "
              + header
              + ".",
          "Choose one of these columns as the target.");
    }
    if (records.isEmpty()) {
      throw new FlightdeckException(
          "The data file " + file + " has no rows.", "Use a file with data.");
    }
    List<String> cols = new ArrayList<>(features);
    if (cols.isEmpty()) {
      for (String h : header) {
        if (!h.equals(target) && records.stream().allMatch(rec -> isNumber(value(rec, h)))) {
          cols.add(h);
        }
      }
      if (cols.isEmpty()) {
        throw new FlightdeckException(
            "The data file " + file + " has no numeric column besides the target '" + target + "'.",
            "Add numeric feature columns.");
      }
    }
    for (String c : cols) {
      if (!header.contains(c)) {
        throw new FlightdeckException(
            "The feature column '"
                + c
                + "' is not in "
                + file
                + "; its columns are "
                + header
                + ".",
            "Remove it from the features or fix its name.");
      }
      if (c.equals(target)) {
        throw new FlightdeckException(
            "The column '" + c + "' is both the target and a feature.",
            "Remove it from the features.");
      }
    }
    cols.sort(null);
    List<double[]> x = new ArrayList<>();
    List<String> y = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    for (CSVRecord rec : records) {
      long line = rec.getRecordNumber() + 1;
      String t = value(rec, target);
      if (t.isEmpty()) {
        throw new FlightdeckException(
            "The target column '" + target + "' is empty on line " + line + " of " + file + ".",
            "Fill in or remove the rows without a target.");
      }
      if (numericTarget && !isNumber(t)) {
        throw new FlightdeckException(
            "The target column '"
                + target
                + "' is not numeric: line "
                + line
                + " has '"
                + t
                + "'; a regression needs a numeric target.",
            "Choose a numeric target column, or train a classification (model \"logistic\").");
      }
      double[] row = new double[cols.size()];
      for (int j = 0; j < cols.size(); j++) {
        String v = value(rec, cols.get(j));
        if (!isNumber(v)) {
          throw new FlightdeckException(
              "The feature column '"
                  + cols.get(j)
                  + "' is not numeric: line "
                  + line
                  + " of "
                  + file
                  + " has '"
                  + v
                  + "'.",
              "Use numeric feature columns only (encode or drop this one).");
        }
        row[j] = Double.parseDouble(v);
      }
      x.add(row);
      y.add(t);
      lines.add(line);
    }
    return new TrainingData(file, target, List.copyOf(cols), x, y, lines);
  }

  int rows() {
    return x.size();
  }

  private static String value(CSVRecord rec, String column) {
    return rec.isSet(column) ? rec.get(column) : "";
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
