package io.flightdeck.store.registry;

import io.flightdeck.core.registry.RegistryService;
import io.flightdeck.store.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A real workspace (H2 file in a temporary folder) with the fake inspector and a movable clock. */
final class RegistryFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  final MovableClock clock = new MovableClock();
  final AtomicReference<String> user = new AtomicReference<>("ana");
  final FakeInspector inspector = new FakeInspector();
  final LocalWorkspace ws;
  final RegistryService registry;

  RegistryFixture(Path dir) {
    ws = LocalWorkspace.open(dir, clock, user::get, inspector);
    registry = ws.registry();
  }

  void advance(Duration d) {
    clock.now.updateAndGet(t -> t.plus(d));
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    ws.close();
  }

  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("tests use UTC");
    }
  }
}
