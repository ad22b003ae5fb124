package dev.ddbkit.testkit.fault.internal;

import dev.ddbkit.testkit.TestClock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void startsFull_thenRefusesWhenEmpty() {
    TokenBucket bucket = new TokenBucket(10, 10, clock);
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryTake(1)).isTrue();
    }
    assertThat(bucket.tryTake(1)).isFalse();
    assertThat(bucket.available()).isZero();
  }

  @Test
  void refillsAtTheRate_cappedAtCapacity() {
    TokenBucket bucket = new TokenBucket(10, 10, clock);
    bucket.tryTake(10);
    clock.advance(Duration.ofMillis(250));
    assertThat(bucket.available()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(bucket.tryTake(3)).isFalse();
    assertThat(bucket.tryTake(2)).isTrue();
    clock.advance(Duration.ofSeconds(60));
    assertThat(bucket.available()).isEqualTo(10);
  }

  @Test
  void fullBucket_admitsALargerRequestIntoDebt() {
    TokenBucket bucket = new TokenBucket(1, 1, clock);
    assertThat(bucket.tryTake(3)).isTrue();
    assertThat(bucket.available()).isEqualTo(-2);
    assertThat(bucket.hasTokens()).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(bucket.hasTokens()).isFalse();
    clock.advance(Duration.ofMillis(500));
    assertThat(bucket.hasTokens()).isTrue();
  }

  @Test
  void chargeAndRefund() {
    TokenBucket bucket = new TokenBucket(5, 5, clock);
    bucket.charge(7);
    assertThat(bucket.available()).isEqualTo(-2);
    bucket.refund(100);
    assertThat(bucket.available()).isEqualTo(5);
  }

  @Test
  void nonPositiveRate_isRejected() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, clock)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ratePerSecond");
  }
}
