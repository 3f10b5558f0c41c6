package io.flightdeck.core.dataset.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.core.error.FlightdeckException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampFormatTest {
  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void isoDatesAndDateTimes() {
    assertThat(TimestampFormat.of("yyyy-MM-dd").parse("2024-02-29"))
        .isEqualTo(
            LocalDate.of(2024, 2, 29).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
    TimestampFormat iso = TimestampFormat.of("yyyy-MM-dd'T'HH:mm:ss");
    assertThat(iso.parse("2024-03-01T10:15:30")).isEqualTo(ms("2024-03-01T10:15:30Z"));
    assertThat(iso.parse("2024-03-01T10:15:30.250Z")).isEqualTo(ms("2024-03-01T10:15:30.250Z"));
    assertThat(iso.parse("2024-03-01T10:15:30+02:00")).isEqualTo(ms("2024-03-01T08:15:30Z"));
    assertThat(iso.parse("2024-03-01T10:15:30-0530")).isEqualTo(ms("2024-03-01T15:45:30Z"));
  }

  @Test
  void commonLayouts() {
    assertThat(TimestampFormat.of("yyyy-MM-dd HH:mm:ss").parse("2024-03-01 23:59:59"))
        .isEqualTo(ms("2024-03-01T23:59:59Z"));
    assertThat(TimestampFormat.of("dd/MM/yyyy").parse("31/12/2023"))
        .isEqualTo(ms("2023-12-31T00:00:00Z"));
    assertThat(TimestampFormat.of("MM/dd/yyyy").parse("12/31/2023"))
        .isEqualTo(ms("2023-12-31T00:00:00Z"));
    assertThat(TimestampFormat.of("MM/dd/yyyy").parse("1/2/2023"))
        .isEqualTo(ms("2023-01-02T00:00:00Z"));
    assertThat(TimestampFormat.of("dd.MM.yyyy HH:mm").parse("05.06.2020 7:30"))
        .isEqualTo(ms("2020-06-05T07:30:00Z"));
  }

  @Test
  void refusesWhatDoesNotMatch() {
    TimestampFormat f = TimestampFormat.of("dd/MM/yyyy");
    assertThat(f.parse("31/02/2023")).isEqualTo(Long.MIN_VALUE);
    assertThat(f.parse("12/31/2023")).isEqualTo(Long.MIN_VALUE);
    assertThat(f.parse("2023-12-31")).isEqualTo(Long.MIN_VALUE);
    assertThat(f.parse("31/12/2023 x")).isEqualTo(Long.MIN_VALUE);
    assertThat(TimestampFormat.of("yyyy-MM-dd").parse("2023-1-5"))
        .isEqualTo(ms("2023-01-05T00:00:00Z"));
    assertThat(TimestampFormat.of("yyyy-MM-dd HH:mm:ss").parse("2023-01-05 24:00:00"))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void formatsBackInTheSameLayout() {
    TimestampFormat f = TimestampFormat.of("yyyy/MM/dd HH:mm:ss");
    long t = f.parse("2015/07/04 08:09:10");
    assertThat(f.format(t)).isEqualTo("2015/07/04 08:09:10");
    TimestampFormat iso = TimestampFormat.of("yyyy-MM-dd'T'HH:mm:ss");
    assertThat(iso.format(ms("1969-12-31T23:59:58.5Z"))).isEqualTo("1969-12-31T23:59:58.500");
  }

  @Test
  void unknownPatternsAreRefusedWithTheList() {
    assertThatThrownBy(() -> TimestampFormat.of("yy-M-d"))
        .isInstanceOf(FlightdeckException.class)
        .hasMessageContaining("yy-M-d");
  }
}
