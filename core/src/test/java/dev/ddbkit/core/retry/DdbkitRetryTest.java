package dev.ddbkit.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.ConditionalCheckFailedException;
import dev.ddbkit.core.error.ErrorContext;
import dev.ddbkit.core.error.ThrottlingException;
import dev.ddbkit.core.error.TransactionConflictException;
import dev.ddbkit.core.error.ValidationException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class DdbkitRetryTest {

  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper recording = sleeps::add;

  private RetrySettings.Builder settings() {
    return RetrySettings.builder().sleeper(recording).random(new Random(42));
  }

  private static ThrottlingException throttled() {
    return ThrottlingException.of("slow down", ErrorContext.of("PutItem", "t1x"));
  }

  @Test
  void execute_retriesThrottlingWithTheSeededFullJitterDelays() {
    RetrySettings s = settings().maxAttempts(5).baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofSeconds(1)).build();
    DdbkitRetry retry = DdbkitRetry.of("orders", s);
    AtomicInteger calls = new AtomicInteger();

    String result = retry.execute(() -> {
      if (calls.incrementAndGet() < 5) {
        throw throttled();
      }
      return "ok";
    });

    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(5);
    Random expected = new Random(42);
    List<Duration> expectedDelays = new ArrayList<>();
    for (int retryNo = 1; retryNo <= 4; retryNo++) {
      expectedDelays.add(Duration.ofMillis(s.backoff().delay(retryNo, expected).toMillis()));
    }
    assertThat(sleeps).containsExactlyElementsOf(expectedDelays);
    for (int i = 0; i < sleeps.size(); i++) {
      assertThat(sleeps.get(i)).isLessThanOrEqualTo(s.backoff().ceiling(i + 1));
    }
  }

  @Test
  void execute_stopsAtMaxAttemptsAndRethrowsTheLastFailure() {
    DdbkitRetry retry = DdbkitRetry.of("orders", settings().maxAttempts(4).build());
    AtomicInteger calls = new AtomicInteger();
    List<ThrottlingException> thrown = new ArrayList<>();

    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      ThrottlingException e = throttled();
      thrown.add(e);
      throw e;
    })).isSameAs(thrown.get(thrown.size() - 1));

    assertThat(calls).hasValue(4);
    assertThat(sleeps).hasSize(3);
    assertThat(retry.maxAttempts()).isEqualTo(4);
  }

  @Test
  void execute_conditionalCheckFailure_isAttemptedExactlyOnce() {
    DdbkitRetry retry = DdbkitRetry.of("orders", settings().build());
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      throw ConditionalCheckFailedException.of("exists", ErrorContext.empty(), null, null);
    })).isInstanceOf(ConditionalCheckFailedException.class);

    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void execute_validationFailureFromTheSdk_isAttemptedExactlyOnce() {
    DdbkitRetry retry = DdbkitRetry.of("orders", settings().build());
    AtomicInteger calls = new AtomicInteger();
    DynamoDbException sdk = (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).statusCode(400).build();

    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      throw sdk;
    })).isSameAs(sdk);
    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      throw ValidationException.of("bad", ErrorContext.empty());
    })).isInstanceOf(ValidationException.class);

    assertThat(calls).hasValue(2);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void execute_failureTheSdkAlreadyRetried_isNotRetriedAgain() {
    DdbkitRetry retry = DdbkitRetry.of("orders", settings().build());
    AtomicInteger calls = new AtomicInteger();
    DynamoDbException sdkExhausted = (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .statusCode(400).numAttempts(3).build();

    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      throw sdkExhausted;
    })).isSameAs(sdkExhausted);

    assertThat(calls).hasValue(1);
  }

  @Test
  void execute_throttlingTheSdkDidNotRetry_isRetried() {
    DdbkitRetry retry = DdbkitRetry.of("orders", settings().maxAttempts(2).build());
    AtomicInteger calls = new AtomicInteger();
    DynamoDbException once = (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .statusCode(400).numAttempts(1).build();

    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      throw once;
    })).isSameAs(once);

    assertThat(calls).hasValue(2);
  }

  @Test
  void execute_maxAttemptsOne_neverRetries() {
    DdbkitRetry retry = DdbkitRetry.of("orders", settings().maxAttempts(1).build());
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      throw throttled();
    })).isInstanceOf(ThrottlingException.class);

    assertThat(calls).hasValue(1);
  }

  @Test
  void events_fireForEachRetryAndForTheFinalOutcome() {
    DdbkitRetry retry = DdbkitRetry.of("orders", settings().maxAttempts(3).build());
    List<String> events = new ArrayList<>();
    retry.retry().getEventPublisher()
        .onRetry(e -> events.add("retry#" + e.getNumberOfRetryAttempts()))
        .onSuccess(e -> events.add("success"))
        .onError(e -> events.add("error"))
        .onIgnoredError(e -> events.add("ignored"));
    AtomicInteger calls = new AtomicInteger();

    retry.execute(() -> {
      if (calls.incrementAndGet() == 1) {
        throw TransactionConflictException.of("conflict", ErrorContext.empty());
      }
      return 1;
    });
    assertThatThrownBy(() -> retry.execute(() -> {
      throw throttled();
    })).isInstanceOf(ThrottlingException.class);
    assertThatThrownBy(() -> retry.execute(() -> {
      throw ValidationException.of("bad", ErrorContext.empty());
    })).isInstanceOf(ValidationException.class);

    assertThat(events).containsExactly("retry#1", "success", "retry#1", "retry#2", "error", "ignored");
    assertThat(retry.retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
    assertThat(retry.retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    assertThat(retry.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
  }

  @Test
  void session_drivesPartialProgressLoopsWithinTheBudget() {
    DdbkitRetry retry = DdbkitRetry.of("batch", settings().maxAttempts(3).build());
    DdbkitRetry.Session session = retry.session();

    assertThat(session.awaitRetry(throttled())).isTrue();
    assertThat(session.awaitRetry(throttled())).isTrue();
    assertThat(session.awaitRetry(throttled())).isFalse();
    assertThat(session.retries()).isEqualTo(2);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void session_interruptedWhileWaiting_stopsAndKeepsTheInterruptFlag() {
    Sleeper interrupting = d -> {
      throw new InterruptedException();
    };
    DdbkitRetry retry = DdbkitRetry.of("batch", settings().sleeper(interrupting).build());
    try {
      assertThat(retry.session().awaitRetry(throttled())).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void of_wrapsTheCallersOwnResilience4jRetry() {
    Retry own = Retry.of("own", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(7))
        .retryExceptions(IllegalStateException.class).build());
    DdbkitRetry retry = DdbkitRetry.of(own, recording);
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> retry.execute(() -> {
      calls.incrementAndGet();
      throw new IllegalStateException("app");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(retry.retry()).isSameAs(own);
    assertThat(calls).hasValue(2);
    assertThat(sleeps).containsExactly(Duration.ofMillis(7));
  }
}
