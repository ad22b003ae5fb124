package dev.ddbkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.cli.ExitCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeArgumentTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void isoInstant_isTakenAsIs() {
    assertThat(TimeArgument.parse("--from", "2024-01-15T10:15:30.123Z", CLOCK))
        .isEqualTo(Instant.parse("2024-01-15T10:15:30.123Z"));
  }

  @Test
  void day_isItsFirstInstantInUtc() {
    assertThat(TimeArgument.parse("--from", "2024-01-15", CLOCK)).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
  }

  @Test
  void nowAndRelativeTimes_areMeasuredFromTheClock() {
    assertThat(TimeArgument.parse("--to", "now", CLOCK)).isEqualTo(NOW);
    assertThat(TimeArgument.parse("--from", "-15m", CLOCK)).isEqualTo(NOW.minusSeconds(900));
    assertThat(TimeArgument.parse("--from", "now-2h", CLOCK)).isEqualTo(NOW.minusSeconds(7200));
    assertThat(TimeArgument.parse("--from", "-7d", CLOCK)).isEqualTo(NOW.minusSeconds(7 * 86400));
    assertThat(TimeArgument.parse("--from", "-30s", CLOCK)).isEqualTo(NOW.minusSeconds(30));
  }

  @Test
  void anythingElse_isAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> TimeArgument.parse("--from", "yesterday", CLOCK))
        .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageStartingWith("--from must be an ISO-8601 instant");
  }
}
