package dev.ddbkit.core.retry;

import dev.ddbkit.core.error.Require;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * ddbkit's retry for work the SDK does not retry: unprocessed batch items and keys, transaction conflicts,
 * application-level retries. Built on resilience4j: decisions, events ({@code retry().getEventPublisher()})
 * and metrics are resilience4j's; waiting goes through the configured {@link Sleeper} so tests need not
 * sleep.
 *
 * <pre>{@code
 * DdbkitRetry retry = DdbkitRetry.of("orders", RetrySettings.defaults());
 * Order order = retry.execute(() -> repository.get(customerId, orderId));
 * }</pre>
 */
public final class DdbkitRetry {
  private final Retry retry;
  private final Sleeper sleeper;

  private DdbkitRetry(Retry retry, Sleeper sleeper) {
    this.retry = retry;
    this.sleeper = sleeper;
  }

  /** A retry named {@code name} with the given settings. */
  public static DdbkitRetry of(String name, RetrySettings settings) {
    Require.nonBlank(name, "name");
    Require.nonNull(settings, "settings");
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnException(settings.retryOn())
        .intervalBiFunction((attempt, outcome) -> settings.backoff().delay(attempt, settings.random()).toMillis())
        .failAfterMaxAttempts(false)
        .build();
    return new DdbkitRetry(Retry.of(name, config), settings.sleeper());
  }

  /** Wraps a caller's own resilience4j {@link Retry}; waits with {@link Thread#sleep}. */
  public static DdbkitRetry of(Retry retry) {
    return of(retry, Sleeper.system());
  }

  /** Wraps a caller's own resilience4j {@link Retry}, waiting through {@code sleeper}. */
  public static DdbkitRetry of(Retry retry, Sleeper sleeper) {
    return new DdbkitRetry(Require.nonNull(retry, "retry"), Require.nonNull(sleeper, "sleeper"));
  }

  /** The underlying resilience4j retry: its event publisher and metrics are the ones to observe. */
  public Retry retry() {
    return retry;
  }

  /** Total attempts allowed, the first included. */
  public int maxAttempts() {
    return retry.getRetryConfig().getMaxAttempts();
  }

  /**
   * Runs {@code call}, retrying failures that the configuration deems retryable, with backoff between
   * attempts. The last failure is rethrown as it was when attempts run out or the failure is not retryable.
   */
  public <T> T execute(Supplier<T> call) {
    Session session = session();
    while (true) {
      T result;
      try {
        result = call.get();
      } catch (RuntimeException e) {
        if (!session.awaitRetry(e)) {
          throw e;
        }
        continue;
      }
      session.succeeded();
      return result;
    }
  }

  /**
   * Starts one logical operation whose attempts the caller drives, for work that makes partial progress
   * (for example a batch write whose unprocessed items are sent again).
   */
  public Session session() {
    return new Session(retry.asyncContext());
  }

  /** One logical operation's attempts. Not thread-safe. */
  public final class Session {
    private final Retry.AsyncContext<Object> context;
    private int retries;

    private Session(Retry.AsyncContext<Object> context) {
      this.context = context;
    }

    /**
     * Records a failed or partial attempt caused by {@code reason}; if another attempt is allowed, waits
     * the backoff delay and returns true, otherwise returns false at once.
     *
     * @throws dev.ddbkit.core.error.InvalidInputException never; an interrupt while waiting re-sets the
     *     thread's flag and returns false
     */
    public boolean awaitRetry(Throwable reason) {
      long delayMillis = context.onError(reason);
      if (delayMillis < 0) {
        return false;
      }
      try {
        sleeper.sleep(Duration.ofMillis(delayMillis));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return false;
      }
      retries++;
      return true;
    }

    /** Records that the operation finished successfully. */
    public void succeeded() {
      context.onComplete();
    }

    /** How many retries this session has made so far. */
    public int retries() {
      return retries;
    }
  }
}
