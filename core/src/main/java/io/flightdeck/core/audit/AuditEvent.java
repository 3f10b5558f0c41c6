package io.flightdeck.core.audit;

import io.flightdeck.core.json.Json;
import java.util.Map;
import java.util.Objects;

/**
 * A request to record one state change in the audit trail.
 *
 * @param action what happened, e.g. {@code workspace.opened}, {@code model.alias.moved}
 * @param objectType the kind of object changed, e.g. {@code workspace}, {@code model}
 * @param objectId the identity of the object changed
 * @param detailsJson details as a JSON object
 */
public record AuditEvent(String action, String objectType, String objectId, String detailsJson) {
  /** Validates that no field is blank and that the details are a JSON object. */
  public AuditEvent {
    requireText(action, "action");
    requireText(objectType, "objectType");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(detailsJson, "detailsJson");
    Json.readObject(detailsJson);
  }

  /** An event whose details are given as a map (written as JSON with sorted keys). */
  public static AuditEvent of(
      String action, String objectType, String objectId, Map<String, ?> details) {
    return new AuditEvent(action, objectType, objectId, Json.write(details));
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Audit event " + name + " must not be blank");
    }
  }
}
