package io.flightdeck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {
  @Test
  void keepsValidFields() {
    AuditEvent e = new AuditEvent("model.alias.moved", "model", "m1", "{\"alias\":\"prod\"}");
    assertThat(e.action()).isEqualTo("model.alias.moved");
    assertThat(e.objectType()).isEqualTo("model");
    assertThat(e.objectId()).isEqualTo("m1");
    assertThat(e.detailsJson()).isEqualTo("{\"alias\":\"prod\"}");
  }

  @Test
  void objectIdMayBeEmpty() {
    assertThat(new AuditEvent("a", "t", "", "{}").objectId()).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void rejectsBlankAction(String action) {
    assertThatThrownBy(() -> new AuditEvent(action, "model", "m1", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Audit event action must not be blank");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void rejectsBlankObjectType(String type) {
    assertThatThrownBy(() -> new AuditEvent("a.b", type, "m1", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Audit event objectType must not be blank");
  }

  @Test
  void rejectsNullObjectIdAndDetails() {
    assertThatThrownBy(() -> new AuditEvent("a", "t", null, "{}"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("objectId");
    assertThatThrownBy(() -> new AuditEvent("a", "t", "i", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("detailsJson");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "[{}]",
        "42",
        "\"text\"",
        "true",
        "null",
        "",
        "   ",
        "{",
        "{\"a\":}",
        "{} {}",
        "{} trailing",
        "not json"
      })
  void rejectsDetailsThatAreNotExactlyOneJsonObject(String details) {
    assertThatThrownBy(() -> new AuditEvent("a", "t", "i", details))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a JSON object");
  }

  @Test
  void acceptsNestedObjects() {
    String details = "{\"a\":{\"b\":[1,2,{\"c\":null}]},\"d\":\"é\"}";
    assertThat(new AuditEvent("a", "t", "i", details).detailsJson()).isEqualTo(details);
  }

  @Test
  void ofWritesDetailsWithSortedKeys() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("zeta", 1);
    details.put("alpha", List.of("x", "y"));
    details.put("mid", Map.of("b", 2, "a", 1));
    AuditEvent e = AuditEvent.of("run.started", "run", "r-1", details);
    assertThat(e.detailsJson())
        .isEqualTo("{\"alpha\":[\"x\",\"y\"],\"mid\":{\"a\":1,\"b\":2},\"zeta\":1}");
  }

  @Test
  void ofValidatesLikeTheConstructor() {
    assertThatThrownBy(() -> AuditEvent.of(" ", "t", "i", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
