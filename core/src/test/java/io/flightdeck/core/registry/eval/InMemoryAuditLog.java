package io.flightdeck.core.registry.eval;

import io.flightdeck.core.audit.AuditEntry;
import io.flightdeck.core.audit.AuditEvent;
import io.flightdeck.core.audit.AuditLog;
import io.flightdeck.core.audit.AuditQuery;
import io.flightdeck.core.audit.ChainVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** An unchained audit trail in memory, for tests that only look at the actions recorded. */
final class InMemoryAuditLog implements AuditLog {
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized AuditEntry append(AuditEvent event) {
    AuditEntry e =
        new AuditEntry(
            entries.size() + 1,
            0,
            "test",
            event.action(),
            event.objectType(),
            event.objectId(),
            event.detailsJson(),
            "",
            "");
    entries.add(e);
    return e;
  }

  @Override
  public synchronized List<AuditEntry> list(AuditQuery query) {
    List<AuditEntry> out = new ArrayList<>(entries);
    java.util.Collections.reverse(out);
    return out;
  }

  @Override
  public ChainVerification verify() {
    return new ChainVerification(true, count(), OptionalLong.empty(), "");
  }

  @Override
  public synchronized long count() {
    return entries.size();
  }

  synchronized List<String> actions() {
    return entries.stream().map(AuditEntry::action).toList();
  }
}
