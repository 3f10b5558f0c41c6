package io.flightdeck.agent.onnx;

import io.flightdeck.core.error.FlightdeckException;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The description Flightdeck writes next to a Tribuo export ({@code model.json}): feature order,
 * class labels, task. Read only as JSON data.
 *
 * @param features feature names in input column order, or empty
 * @param labels class labels in output order, or empty
 * @param task "classification", "regression", or empty when not stated
 */
record Sidecar(List<String> features, List<String> labels, String task) {
  static final Sidecar NONE = new Sidecar(List.of(), List.of(), "");

  /**
   * @param file the model.json, or null
   * @throws FlightdeckException naming the file when it cannot be read or is malformed
   */
  static Sidecar read(Path file) {
    if (file == null) {
      return NONE;
    }
    Map<String, Object> json;
    try {
      json = Json.readObject(Files.readString(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new FlightdeckException(
          "Cannot read the model description " + file + ": " + e.getMessage(),
          "Give the model.json written next to the model when it was exported, or none.",
          e);
    }
    Object task = json.getOrDefault("task", "");
    if (!(task instanceof String t)
        || !(t.isEmpty() || t.equals(Outputs.CLASSIFICATION) || t.equals(Outputs.REGRESSION))) {
      throw malformed(file, "'task' must be \"classification\" or \"regression\", not " + task);
    }
    return new Sidecar(strings(file, json, "features"), strings(file, json, "labels"), t);
  }

  private static List<String> strings(Path file, Map<String, Object> json, String key) {
    Object v = json.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw malformed(file, "'" + key + "' must be a list of names");
  }

  private static FlightdeckException malformed(Path file, String what) {
    return new FlightdeckException(
        "The model description " + file + " is malformed: " + what + ".",
        "Give the model.json written next to the model when it was exported, or none.");
  }
}
