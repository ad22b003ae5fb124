package dev.ddbkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {
  private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void at_standsStillUntilAdvanced() {
    TestClock clock = TestClock.at(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofSeconds(30));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
    clock.set(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
  }

  @Test
  void ticking_movesOneStepPerReading() {
    TestClock clock = TestClock.ticking(START, Duration.ofMillis(1));
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START.plusMillis(1));
    assertThat(clock.instant()).isEqualTo(START.plusMillis(2));
  }

  @Test
  void ticking_negativeStep_isRejected() {
    assertThatThrownBy(() -> TestClock.ticking(START, Duration.ofMillis(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("step must not be negative but was PT-0.001S.");
  }
}
