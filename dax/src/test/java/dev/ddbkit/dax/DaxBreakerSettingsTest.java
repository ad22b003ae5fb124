package dev.ddbkit.dax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DaxBreakerSettingsTest {

  @Test
  void builder_minimumAboveWindow_isRejectedNamingBothFields() {
    assertThatThrownBy(() -> DaxBreakerSettings.builder().slidingWindowSize(3).minimumCalls(4).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("minimumCalls")
        .hasMessageContaining("slidingWindowSize");
  }

  @Test
  void builder_zeroCoolDown_isRejected() {
    assertThatThrownBy(() -> DaxBreakerSettings.of(b -> b.coolDown(Duration.ZERO)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("coolDown");
  }

  @Test
  void builder_failureRateAbove100_isRejected() {
    assertThatThrownBy(() -> DaxBreakerSettings.of(b -> b.failureRatePercent(101)))
        .hasMessageContaining("failureRatePercent");
  }

  @Test
  void toBuilder_roundTrips() {
    DaxBreakerSettings s = DaxBreakerSettings.of(b -> b.slidingWindowSize(7).minimumCalls(2).coolDown(
        Duration.ofSeconds(3)).failureRatePercent(25));

    DaxBreakerSettings copy = s.toBuilder().build();

    assertThat(copy.slidingWindowSize()).isEqualTo(7);
    assertThat(copy.minimumCalls()).isEqualTo(2);
    assertThat(copy.coolDown()).isEqualTo(Duration.ofSeconds(3));
    assertThat(copy.failureRatePercent()).isEqualTo(25f);
    assertThat(copy.clock()).isEqualTo(s.clock());
  }
}
