package dev.ddbkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbkit.core.metrics.MetricsHook;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

class DdbkitClientsTest {

  @Test
  void retryStrategy_defaultIsTheSdksAdaptiveStrategyWithThreeAttempts() {
    RetryStrategy strategy = DdbkitClients.retryStrategy(ClientSettings.defaults());

    assertThat(strategy).isInstanceOf(AdaptiveRetryStrategy.class);
    assertThat(strategy.maxAttempts()).isEqualTo(3);
  }

  @Test
  void retryStrategy_followsModeAndAttempts() {
    assertThat(DdbkitClients.retryStrategy(ClientSettings.builder().retryMode(ClientSettings.RetryMode.STANDARD)
        .maxAttempts(5).build())).isInstanceOf(StandardRetryStrategy.class)
        .extracting(RetryStrategy::maxAttempts).isEqualTo(5);
    assertThat(DdbkitClients.retryStrategy(ClientSettings.builder().retryMode(ClientSettings.RetryMode.NONE)
        .maxAttempts(5).build()).maxAttempts()).isEqualTo(1);
  }

  @Test
  void worstCase_ofTheDefaults_isThreeAttemptsThreeSecondsOfBackoffNineSecondsInAll() {
    ClientSettings d = ClientSettings.defaults();

    assertThat(d.effectiveMaxAttempts()).isEqualTo(3);
    assertThat(d.worstCaseBackoff()).isEqualTo(ClientSettings.Defaults.SDK_WORST_CASE_BACKOFF);
    assertThat(d.worstCaseCallDuration()).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void worstCase_isCappedByTheCallTimeoutAndByTheTwentySecondBackoffCap() {
    ClientSettings many = ClientSettings.builder().maxAttempts(8).build();

    // 1 + 2 + 4 + 8 + 16 + 20 + 20 s
    assertThat(many.worstCaseBackoff()).isEqualTo(Duration.ofSeconds(71));
    assertThat(many.worstCaseCallDuration()).isEqualTo(ClientSettings.Defaults.API_CALL_TIMEOUT);
    assertThat(ClientSettings.builder().retryMode(ClientSettings.RetryMode.NONE).build().worstCaseBackoff())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void metrics_defaultsToNoopAndSurvivesToBuilder() {
    MetricsHook hook = new MetricsHook() { };

    assertThat(ClientSettings.defaults().metrics()).isSameAs(MetricsHook.noop());
    assertThat(ClientSettings.defaults().metricsEnabled()).isFalse();
    ClientSettings withHook = ClientSettings.builder().metrics(hook).build();
    assertThat(withHook.toBuilder().build().metrics()).isSameAs(hook);
    assertThat(withHook.metricsEnabled()).isTrue();
  }
}
