package dev.ddbkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.metrics.MetricsHook;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

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
  void worstCase_ofTheDefaults_isThreeAttempts150msOfBackoff6p15sInAll() {
    ClientSettings d = ClientSettings.defaults();

    assertThat(d.effectiveMaxAttempts()).isEqualTo(3);
    assertThat(d.worstCaseBackoff()).isEqualTo(ClientSettings.Defaults.SDK_WORST_CASE_BACKOFF)
        .isEqualTo(Duration.ofMillis(50 + 100));
    assertThat(d.worstCaseCallDuration()).isEqualTo(Duration.ofMillis(3 * 2000 + 150));
  }

  @Test
  void worstCase_followsTheThrottlingBackoffAndItsCap_andIsBoundedByTheCallTimeout() {
    ClientSettings eight = ClientSettings.builder().maxAttempts(8).build();
    ClientSettings ten = ClientSettings.builder().maxAttempts(10).build();

    // 50 + 100 + 200 + 400 + 800 + 1600 + 3200 ms
    assertThat(eight.worstCaseBackoff()).isEqualTo(Duration.ofMillis(6350));
    // ... + 5000 + 5000 ms: the 5 s cap
    assertThat(ten.worstCaseBackoff()).isEqualTo(Duration.ofMillis(16350));
    assertThat(eight.worstCaseCallDuration()).isEqualTo(ClientSettings.Defaults.API_CALL_TIMEOUT);
    assertThat(ClientSettings.builder().retryMode(ClientSettings.RetryMode.NONE).build().worstCaseBackoff())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void worstCase_takesTheLargerBackoffOfEachRetry() {
    ClientSettings slowTransient = ClientSettings.builder().maxAttempts(4)
        .sdkBackoff(Duration.ofMillis(200), Duration.ofMillis(300))
        .sdkThrottlingBackoff(Duration.ofMillis(100), Duration.ofSeconds(5)).build();

    // max(200, 100) + max(300, 200) + max(300, 400)
    assertThat(slowTransient.worstCaseBackoff()).isEqualTo(Duration.ofMillis(900));
  }

  @ParameterizedTest
  @EnumSource(value = ClientSettings.RetryMode.class, names = {"ADAPTIVE_V2", "STANDARD"})
  void retryStrategy_carriesTheDynamoDbBackoffs_notTheSdksGenericOnes(ClientSettings.RetryMode mode) {
    String strategy = DdbkitClients.retryStrategy(ClientSettings.builder().retryMode(mode).build()).toString();

    assertThat(strategy)
        .contains("backoffStrategy=ExponentialDelayWithJitter(baseDelay=PT0.025S, maxDelay=PT2S)")
        .contains("throttlingBackoffStrategy=ExponentialDelayWithJitter(baseDelay=PT0.05S, maxDelay=PT5S)");
  }

  @Test
  void standardStrategy_waitsUpTo50msAfterThrottlingAnd25msOtherwise_beforeTheSecondAttempt() {
    ClientSettings settings = ClientSettings.builder().retryMode(ClientSettings.RetryMode.STANDARD).build();

    Duration maxThrottled = Duration.ZERO;
    Duration maxTransient = Duration.ZERO;
    for (int i = 0; i < 300; i++) {
      maxThrottled = max(maxThrottled, firstRetryDelay(DdbkitClients.retryStrategy(settings), throttled()));
      maxTransient = max(maxTransient, firstRetryDelay(DdbkitClients.retryStrategy(settings), serverError()));
    }

    // full jitter: uniform in [0, 50 ms) and [0, 25 ms) where the SDK's generic strategy waits up to 1 s and
    // 100 ms; 300 draws all below a fifth of the ceiling would have odds of 0.2^300
    assertThat(maxThrottled).isLessThan(Duration.ofMillis(50)).isGreaterThanOrEqualTo(Duration.ofMillis(10));
    assertThat(maxTransient).isLessThan(Duration.ofMillis(25)).isGreaterThanOrEqualTo(Duration.ofMillis(5));
  }

  @Test
  void adaptiveStrategy_waitsUpTo25msAfterATransientFailure() {
    // after throttling the adaptive strategy adds its rate limiter's wait to the backoff (up to 2 s on a fresh
    // client: its minimum rate is 0.5 requests per second), so only transient failures isolate the backoff
    ClientSettings settings = ClientSettings.defaults();

    Duration maxTransient = Duration.ZERO;
    for (int i = 0; i < 300; i++) {
      maxTransient = max(maxTransient, firstRetryDelay(DdbkitClients.retryStrategy(settings), serverError()));
    }

    assertThat(maxTransient).isLessThan(Duration.ofMillis(25)).isGreaterThanOrEqualTo(Duration.ofMillis(5));
  }

  @Test
  void retryStrategy_usesConfiguredBackoffs() {
    ClientSettings settings = ClientSettings.builder().retryMode(ClientSettings.RetryMode.STANDARD)
        .sdkBackoff(Duration.ofMillis(2), Duration.ofMillis(2))
        .sdkThrottlingBackoff(Duration.ofMillis(3), Duration.ofMillis(3)).build();

    for (int i = 0; i < 50; i++) {
      assertThat(firstRetryDelay(DdbkitClients.retryStrategy(settings), throttled()))
          .isLessThan(Duration.ofMillis(3));
      assertThat(firstRetryDelay(DdbkitClients.retryStrategy(settings), serverError()))
          .isLessThan(Duration.ofMillis(2));
    }
  }

  private static DynamoDbException throttled() {
    return (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .statusCode(400).build();
  }

  private static DynamoDbException serverError() {
    return (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build())
        .statusCode(500).build();
  }

  private static Duration firstRetryDelay(RetryStrategy strategy, Throwable failure) {
    RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
    RefreshRetryTokenResponse response =
        strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
    strategy.recordSuccess(RecordSuccessRequest.create(response.token()));
    return response.delay();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
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

  @Test
  void close_whenSyncCloseThrows_stillClosesAsyncAndRethrows() {
    AtomicInteger asyncCloses = new AtomicInteger();
    DdbkitClients clients = new DdbkitClients(ClientSettings.defaults(), s -> new FakeSync(true),
        s -> new FakeAsync(asyncCloses));
    clients.sync();
    clients.async();

    assertThatThrownBy(clients::close).isInstanceOf(IllegalStateException.class).hasMessage("sync close failed");
    assertThat(asyncCloses).hasValue(1);
  }

  @Test
  void accessors_afterClose_throwEvenWhenClientsWereAlreadyCreated() {
    DdbkitClients clients = new DdbkitClients(ClientSettings.defaults(), s -> new FakeSync(false),
        s -> new FakeAsync(new AtomicInteger()));
    clients.sync();
    clients.async();
    clients.close();

    assertThatThrownBy(clients::sync).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(clients::async).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(clients::enhanced).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(clients::enhancedAsync).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static final class FakeSync implements DynamoDbClient {
    private final boolean failOnClose;

    FakeSync(boolean failOnClose) {
      this.failOnClose = failOnClose;
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {
      if (failOnClose) {
        throw new IllegalStateException("sync close failed");
      }
    }
  }

  private static final class FakeAsync implements DynamoDbAsyncClient {
    private final AtomicInteger closes;

    FakeAsync(AtomicInteger closes) {
      this.closes = closes;
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }
}
