package io.flightdeck.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter over the audit trail. Empty text matches everything; text matches case-insensitively as
 * a substring.
 *
 * @param actionText part of the action
 * @param objectText part of the object type or object id
 * @param from earliest timestamp (inclusive), if any
 * @param to latest timestamp (exclusive), if any
 * @param limit the most entries returned, newest first
 */
public record AuditQuery(
    String actionText, String objectText, Optional<Instant> from, Optional<Instant> to, int limit) {
  /** The default page size of the audit view. */
  public static final int DEFAULT_LIMIT = 10_000;

  /** Validates the limit and normalises null text to empty. */
  public AuditQuery {
    actionText = actionText == null ? "" : actionText.strip();
    objectText = objectText == null ? "" : objectText.strip();
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
  }

  /** Everything, newest first, up to the default limit. */
  public static AuditQuery all() {
    return new AuditQuery("", "", Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }
}
