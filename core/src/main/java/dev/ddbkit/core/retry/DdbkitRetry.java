package dev.ddbkit.core.retry;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.metrics.MetricsHook.RetrySource;
import dev.ddbkit.core.metrics.Outcome;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * ddbkit's retry for work the SDK does not retry: unprocessed batch items and keys, transaction conflicts,
 * application-level retries. Built on resilience4j: decisions, events ({@code retry().getEventPublisher()})
 * and metrics are resilience4j's; waiting goes through the configured {@link Sleeper} so tests need not
 * sleep.
 *
 * <p>Metrics are bound once, where the retry is created ({@link #of(String, RetrySettings, MetricsHook)}):
 * each retry made through {@link #execute(String, String, Supplier)} or {@link #session(String, String)} is
 * reported as {@code retried(operation, table, DDBKIT)} (and {@code throttled} when throttling caused it),
 * tagged with the operation and table of that call, so one retry shared by several repositories counts each
 * retry once, under the right table, and leaves no event subscribers behind.
 *
 * <pre>{@code
 * DdbkitRetry retry = DdbkitRetry.of("orders", RetrySettings.defaults(), clientSettings.metrics());
 * Order order = retry.execute("GetItem", "orders-production", () -> repository.get(customerId, orderId));
 * }</pre>
 */
public final class DdbkitRetry {
  private final Retry retry;
  private final Sleeper sleeper;
  private final MetricsHook metrics;

  private DdbkitRetry(Retry retry, Sleeper sleeper, MetricsHook metrics) {
    this.retry = retry;
    this.sleeper = sleeper;
    this.metrics = metrics;
  }

  /** A retry named {@code name} with the given settings, reporting to no metrics hook. */
  public static DdbkitRetry of(String name, RetrySettings settings) {
    return of(name, settings, MetricsHook.noop());
  }

  /**
   * A retry named {@code name} with the given settings, reporting each retry of a tagged call to
   * {@code metrics} (for example {@code ClientSettings.metrics()}, so {@code ddbkit.retries{source=ddbkit}}
   * counts it).
   */
  public static DdbkitRetry of(String name, RetrySettings settings, MetricsHook metrics) {
    Require.nonBlank(name, "name");
    Require.nonNull(settings, "settings");
    Require.nonNull(metrics, "metrics");
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnException(settings.retryOn())
        .intervalBiFunction((attempt, outcome) -> settings.backoff().delay(attempt, settings.random()).toMillis())
        .failAfterMaxAttempts(false)
        .build();
    return new DdbkitRetry(Retry.of(name, config), settings.sleeper(), metrics);
  }

  /** Wraps a caller's own resilience4j {@link Retry}; waits with {@link Thread#sleep}. */
  public static DdbkitRetry of(Retry retry) {
    return of(retry, Sleeper.system());
  }

  /** Wraps a caller's own resilience4j {@link Retry}, waiting through {@code sleeper}. */
  public static DdbkitRetry of(Retry retry, Sleeper sleeper) {
    return of(retry, sleeper, MetricsHook.noop());
  }

  /** Wraps a caller's own resilience4j {@link Retry}, waiting through {@code sleeper}, reporting to {@code metrics}. */
  public static DdbkitRetry of(Retry retry, Sleeper sleeper, MetricsHook metrics) {
    return new DdbkitRetry(Require.nonNull(retry, "retry"), Require.nonNull(sleeper, "sleeper"),
        Require.nonNull(metrics, "metrics"));
  }

  /** The metrics hook this retry reports to; {@link MetricsHook#noop()} when none was given. */
  public MetricsHook metrics() {
    return metrics;
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
    return run(new Session(retry.asyncContext(), null, null), call);
  }

  /**
   * {@link #execute(Supplier)}, reporting each retry to this retry's metrics hook tagged with
   * {@code operation} (a DynamoDB operation name) and {@code table}.
   */
  public <T> T execute(String operation, String table, Supplier<T> call) {
    return run(session(operation, table), call);
  }

  private <T> T run(Session session, Supplier<T> call) {
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
    return new Session(retry.asyncContext(), null, null);
  }

  /** {@link #session()}, reporting each retry to this retry's metrics hook tagged with {@code operation} and {@code table}. */
  public Session session(String operation, String table) {
    return new Session(retry.asyncContext(), Require.nonBlank(operation, "operation"), Require.nonBlank(table, "table"));
  }

  /** One logical operation's attempts. Not thread-safe. */
  public final class Session {
    private final Retry.AsyncContext<Object> context;
    private final @Nullable String operation;
    private final @Nullable String table;
    private int retries;

    private Session(Retry.AsyncContext<Object> context, @Nullable String operation, @Nullable String table) {
      this.context = context;
      this.operation = operation;
      this.table = table;
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
      if (operation != null && table != null) {
        if (Outcome.of(reason) == Outcome.THROTTLED) {
          metrics.throttled(operation, table);
        }
        metrics.retried(operation, table, RetrySource.DDBKIT);
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
