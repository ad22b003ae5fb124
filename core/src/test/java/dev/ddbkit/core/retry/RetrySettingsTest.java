package dev.ddbkit.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

  @Test
  void defaults_areDocumented() {
    RetrySettings d = RetrySettings.defaults();

    assertThat(d.maxAttempts()).isEqualTo(8);
    assertThat(d.backoff().base()).isEqualTo(Duration.ofMillis(25));
    assertThat(d.backoff().cap()).isEqualTo(Duration.ofSeconds(2));
    // 25 + 50 + 100 + 200 + 400 + 800 + 1600 ms
    assertThat(d.worstCaseDelay()).isEqualTo(Duration.ofMillis(3175));
  }

  @Test
  void zeroAttempts_isRejectedNamingMaxAttempts() {
    assertThatThrownBy(() -> RetrySettings.builder().maxAttempts(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("maxAttempts must be at least 1 but was 0.")
        .extracting(e -> ((InvalidInputException) e).argument()).isEqualTo("maxAttempts");
  }

  @Test
  void nonPositiveDelays_areRejectedNamingTheDelay() {
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(Duration.ofMillis(-5)))
        .hasMessageContaining("baseDelay must be positive");
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(Duration.ZERO)).hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> RetrySettings.builder().maxDelay(Duration.ofSeconds(-1)))
        .hasMessageContaining("maxDelay must be positive");
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(null)).hasMessage("baseDelay must not be null.");
  }

  @Test
  void maxDelayBelowBaseDelay_isRejectedAtBuild() {
    assertThatThrownBy(() -> RetrySettings.builder().baseDelay(Duration.ofSeconds(3)).maxDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("maxDelay (PT1S) must be at least baseDelay (PT3S)");
  }

  @Test
  void toBuilder_roundTrips() {
    RetrySettings s = RetrySettings.builder().maxAttempts(3).baseDelay(Duration.ofMillis(10)).build();

    RetrySettings copy = s.toBuilder().build();

    assertThat(copy.maxAttempts()).isEqualTo(3);
    assertThat(copy.backoff().base()).isEqualTo(Duration.ofMillis(10));
    assertThat(copy.retryOn()).isSameAs(s.retryOn());
  }
}
