package io.flightdeck.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * JSON helpers shared by every module. Thread-safe: the underlying mapper is configured once and
 * never changed.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  // Strict for objects: "{} tail" is not a JSON object (the mapper alone would ignore the tail).
  private static final ObjectReader OBJECT_READER =
      MAPPER.readerFor(Map.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** The shared, pre-configured mapper. Callers must not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a value as compact JSON with map keys sorted, so equal maps give equal strings.
   *
   * @throws IllegalArgumentException when the value cannot be written as JSON
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write value as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a JSON object into a map.
   *
   * @throws IllegalArgumentException when the text is not exactly one JSON object (also for {@code
   *     null} and for anything after the object)
   */
  public static Map<String, Object> readObject(String json) {
    try {
      Map<String, Object> map = OBJECT_READER.readValue(json);
      if (map == null) {
        throw new IllegalArgumentException("Not a JSON object: null");
      }
      return map;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON object: " + e.getOriginalMessage(), e);
    }
  }
}
