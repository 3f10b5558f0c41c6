package io.flightdeck.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditQueryTest {
  @Test
  void allMatchesEverythingUpToTheDefaultLimit() {
    AuditQuery q = AuditQuery.all();
    assertThat(q.actionText()).isEmpty();
    assertThat(q.objectText()).isEmpty();
    assertThat(q.from()).isEmpty();
    assertThat(q.to()).isEmpty();
    assertThat(q.limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT).isEqualTo(10_000);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void rejectsNonPositiveLimit(int limit) {
    assertThatThrownBy(() -> new AuditQuery("", "", Optional.empty(), Optional.empty(), limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be positive, was " + limit);
  }

  @Test
  void acceptsLimitOfOne() {
    assertThat(new AuditQuery("", "", Optional.empty(), Optional.empty(), 1).limit()).isOne();
  }

  @Test
  void normalisesNullTextAndNullOptionals() {
    AuditQuery q = new AuditQuery(null, null, null, null, 5);
    assertThat(q.actionText()).isEmpty();
    assertThat(q.objectText()).isEmpty();
    assertThat(q.from()).isEmpty();
    assertThat(q.to()).isEmpty();
  }

  @Test
  void stripsSurroundingWhitespace() {
    AuditQuery q =
        new AuditQuery("  model.alias \t", "\n m1 ", Optional.empty(), Optional.empty(), 5);
    assertThat(q.actionText()).isEqualTo("model.alias");
    assertThat(q.objectText()).isEqualTo("m1");
  }

  @Test
  void keepsTimeBounds() {
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    Instant to = Instant.parse("2024-02-01T00:00:00Z");
    AuditQuery q = new AuditQuery("", "", Optional.of(from), Optional.of(to), 5);
    assertThat(q.from()).contains(from);
    assertThat(q.to()).contains(to);
  }
}
