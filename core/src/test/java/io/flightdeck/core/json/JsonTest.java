package io.flightdeck.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesCompactJsonWithSortedKeysAtEveryLevel() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("y", 1);
    inner.put("x", 2);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("b", inner);
    outer.put("a", List.of(3, "s"));
    assertThat(Json.write(outer)).isEqualTo("{\"a\":[3,\"s\"],\"b\":{\"x\":2,\"y\":1}}");
  }

  @Test
  void equalMapsGiveEqualStrings() {
    assertThat(Json.write(Map.of("k1", 1, "k2", 2, "k3", 3)))
        .isEqualTo(Json.write(Map.of("k3", 3, "k1", 1, "k2", 2)));
  }

  @Test
  void readsAnObjectBack() {
    Map<String, Object> m = Json.readObject("{\"a\":1,\"b\":[true,null],\"c\":{\"d\":\"é\"}}");
    assertThat(m).containsEntry("a", 1).containsKey("b").containsEntry("c", Map.of("d", "é"));
    assertThat(Json.readObject(Json.write(m))).isEqualTo(m);
  }

  @Test
  void readObjectAcceptsSurroundingWhitespace() {
    assertThat(Json.readObject(" \n{\"a\":1}\n ")).containsEntry("a", 1);
  }

  @Test
  void readObjectRejectsNullAndTrailingContent() {
    assertThatThrownBy(() -> Json.readObject("null"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a JSON object");
    assertThatThrownBy(() -> Json.readObject("{\"a\":1} {\"b\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a JSON object");
  }

  @Test
  void writeFailsWithIllegalArgumentForUnwritableValues() {
    assertThatThrownBy(() -> Json.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot write value as JSON");
  }
}
