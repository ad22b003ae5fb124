package dev.ddbkit.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Property
  void delay_isWithinZeroAndTheFullJitterCeiling(
      @ForAll @LongRange(min = 1, max = 5_000) long baseMillis,
      @ForAll @LongRange(min = 0, max = 100_000) long extraCapMillis,
      @ForAll @IntRange(min = 1, max = 200) int retry,
      @ForAll long seed) {
    Duration base = Duration.ofMillis(baseMillis);
    Duration cap = base.plusMillis(extraCapMillis);
    Backoff backoff = Backoff.fullJitter(base, cap);

    Duration delay = backoff.delay(retry, new Random(seed));

    BigInteger exponential = BigInteger.valueOf(base.toNanos()).shiftLeft(Math.min(retry - 1, 62));
    long expectedCeiling = exponential.min(BigInteger.valueOf(cap.toNanos())).longValueExact();
    assertThat(backoff.ceiling(retry).toNanos()).isEqualTo(expectedCeiling);
    assertThat(delay).isBetween(Duration.ZERO, backoff.ceiling(retry));
  }

  @Property
  void ceilings_neverDecreaseAndNeverExceedTheCap(
      @ForAll @LongRange(min = 1, max = 1_000) long baseMillis,
      @ForAll @LongRange(min = 0, max = 60_000) long extraCapMillis,
      @ForAll @IntRange(min = 1, max = 100) int retry) {
    Backoff backoff = Backoff.fullJitter(Duration.ofMillis(baseMillis), Duration.ofMillis(baseMillis + extraCapMillis));

    assertThat(backoff.ceiling(retry + 1)).isGreaterThanOrEqualTo(backoff.ceiling(retry));
    assertThat(backoff.ceiling(retry)).isLessThanOrEqualTo(backoff.cap());
  }

  @Test
  void ceiling_doublesFromTheBaseUntilTheCap() {
    Backoff backoff = Backoff.fullJitter(Duration.ofMillis(25), Duration.ofMillis(150));

    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(25));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(150));
    assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void worstCaseTotal_sumsTheCeilings() {
    Backoff backoff = Backoff.fullJitter(Duration.ofMillis(25), Duration.ofSeconds(2));

    // 25 + 50 + 100 + 200 + 400 + 800 + 1600 ms
    assertThat(backoff.worstCaseTotal(7)).isEqualTo(Duration.ofMillis(3175));
    assertThat(backoff.worstCaseTotal(0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void delay_reachesBothEndsOfTheRange() {
    Backoff backoff = Backoff.fullJitter(Duration.ofNanos(1), Duration.ofNanos(1));
    Random random = new Random(7);
    boolean sawZero = false;
    boolean sawOne = false;
    for (int i = 0; i < 200; i++) {
      long d = backoff.delay(1, random).toNanos();
      sawZero |= d == 0;
      sawOne |= d == 1;
    }
    assertThat(sawZero).isTrue();
    assertThat(sawOne).isTrue();
  }

  @Test
  void fullJitter_rejectsNonPositiveBaseAndCapBelowBase() {
    assertThatThrownBy(() -> Backoff.fullJitter(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("baseDelay must be positive");
    assertThatThrownBy(() -> Backoff.fullJitter(Duration.ofMillis(-1), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> Backoff.fullJitter(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxDelay must be at least baseDelay");
  }
}
