package dev.ddbkit.core.metrics;

import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.retry.DdbkitRetry;
import dev.ddbkit.core.metrics.MetricsHook.RetrySource;

/**
 * Reports a {@link DdbkitRetry}'s resilience4j retry events to a {@link MetricsHook}: each retry as
 * {@code retried(operation, table, DDBKIT)}, and as {@code throttled} as well when the failure that caused
 * it was throttling (including unprocessed batch items reported as throttling).
 *
 * <pre>{@code
 * DdbkitRetry retry = DdbkitRetryMetrics.bind(DdbkitRetry.of("orders-batch", RetrySettings.defaults()),
 *     settings.metrics(), "BatchWriteItem", "orders-production");
 * }</pre>
 */
public final class DdbkitRetryMetrics {
  private DdbkitRetryMetrics() {}

  /** Subscribes {@code hook} to {@code retry}'s events, tagged with {@code operation} and {@code table}; returns {@code retry}. */
  public static DdbkitRetry bind(DdbkitRetry retry, MetricsHook hook, String operation, String table) {
    Require.nonNull(retry, "retry");
    Require.nonNull(hook, "hook");
    Require.nonBlank(operation, "operation");
    Require.nonBlank(table, "table");
    retry.retry().getEventPublisher().onRetry(event -> {
      Throwable cause = event.getLastThrowable();
      if (cause != null && Outcome.of(cause) == Outcome.THROTTLED) {
        hook.throttled(operation, table);
      }
      hook.retried(operation, table, RetrySource.DDBKIT);
    });
    return retry;
  }
}
