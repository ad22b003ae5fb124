package dev.ddbkit.core.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class SeedTimestampsTest {

  @Test
  void isoMillis_writesToIsoStringFormat_truncatingToMillis() {
    assertThat(SeedTimestamps.isoMillis(Instant.parse("2024-01-15T10:30:00Z"))).isEqualTo("2024-01-15T10:30:00.000Z");
    assertThat(SeedTimestamps.isoMillis(Instant.parse("2024-01-15T10:30:00.123999Z")))
        .isEqualTo("2024-01-15T10:30:00.123Z");
    assertThat(SeedTimestamps.isoMillis(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("0000-01-01T00:00:00.000Z")
        .hasSize(SeedTimestamps.ISO_MILLIS_LENGTH);
    assertThat(SeedTimestamps.isoMillis(Instant.parse("9999-12-31T23:59:59.999999999Z")))
        .isEqualTo("9999-12-31T23:59:59.999Z");
  }

  @Test
  void formats_useAsciiDigitsAndUtc_underANonAsciiDefaultLocaleAndZone() {
    Locale locale = Locale.getDefault();
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-SA"));
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Riyadh"));
      Instant late = Instant.parse("2024-01-15T23:30:00.045Z");
      assertThat(SeedTimestamps.isoMillis(late)).isEqualTo("2024-01-15T23:30:00.045Z");
      assertThat(SeedTimestamps.utcDay(late)).hasToString("2024-01-15");
      assertThat(SeedTimestamps.epochSeconds(late)).isEqualTo("1705361400");
      assertThat(SeedTimestamps.parseIso("2024-01-15T23:30:00.045Z")).contains(late);
    } finally {
      Locale.setDefault(locale);
      Locale.setDefault(Locale.Category.FORMAT, format);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void parseIso_readsIsoInstants_andRejectsOtherText() {
    assertThat(SeedTimestamps.parseIso("2024-01-15T10:30:00.123Z")).contains(Instant.parse("2024-01-15T10:30:00.123Z"));
    assertThat(SeedTimestamps.parseIso("2024-01-15T10:30:00Z")).contains(Instant.parse("2024-01-15T10:30:00Z"));
    assertThat(SeedTimestamps.parseIso("2024-01-15")).isEmpty();
    assertThat(SeedTimestamps.parseIso("yesterday")).isEmpty();
  }

  @Test
  void utcDay_isTheDayInUtc() {
    assertThat(SeedTimestamps.utcDay(Instant.parse("2024-01-15T23:59:59.999Z"))).isEqualTo(LocalDate.of(2024, 1, 15));
    assertThat(SeedTimestamps.utcDay(Instant.parse("2024-01-16T00:00:00Z"))).isEqualTo(LocalDate.of(2024, 1, 16));
  }

  @Test
  void epochSeconds_roundsDown() {
    assertThat(SeedTimestamps.epochSeconds(Instant.parse("2024-01-15T10:30:00.999Z"))).isEqualTo("1705314600");
    assertThat(SeedTimestamps.epochSeconds(Instant.parse("1969-12-31T23:59:59.500Z"))).isEqualTo("-1");
  }
}
