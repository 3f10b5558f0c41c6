package io.flightdeck.store.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.flightdeck.core.json.Json;
import java.io.IOException;
import java.time.Instant;

/**
 * JSON for the records kept in CLOB columns (schemas, profiles, dialects, validation reports):
 * core's mapper plus ISO-8601 text for {@link Instant}. Thread-safe.
 */
final class StoreJson {
  private static final ObjectMapper MAPPER =
      Json.mapper()
          .copy()
          .registerModule(
              new SimpleModule("instants")
                  .addSerializer(
                      Instant.class,
                      new JsonSerializer<>() {
                        @Override
                        public void serialize(
                            Instant value, JsonGenerator gen, SerializerProvider serializers)
                            throws IOException {
                          gen.writeString(value.toString());
                        }
                      })
                  .addDeserializer(
                      Instant.class,
                      new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctxt)
                            throws IOException {
                          return Instant.parse(p.getValueAsString());
                        }
                      }));

  private StoreJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is not a " + type.getSimpleName(), e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
