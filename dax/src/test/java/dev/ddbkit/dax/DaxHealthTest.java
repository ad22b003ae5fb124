package dev.ddbkit.dax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaxHealthTest {
  private static DaxHealth health(DaxState state, Optional<String> endpoint) {
    return new DaxHealth(state, endpoint, Optional.empty(), Optional.empty(), Optional.empty(),
        new DaxCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void degraded_whenConfiguredButDisabledOrBypassed_notWhenOffOrClosed() {
    Optional<String> endpoint = Optional.of("dax://127.0.0.1:1");
    assertThat(health(DaxState.DISABLED, endpoint).degraded()).isTrue();
    assertThat(health(DaxState.OPEN, endpoint).degraded()).isTrue();
    assertThat(health(DaxState.HALF_OPEN, endpoint).degraded()).isTrue();
    assertThat(health(DaxState.CLOSED, endpoint).degraded()).isFalse();
    assertThat(health(DaxState.DISABLED, Optional.empty()).degraded()).isFalse();
    assertThat(health(DaxState.DISABLED, Optional.empty()).configured()).isFalse();
  }
}
