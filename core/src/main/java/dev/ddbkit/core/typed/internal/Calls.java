package dev.ddbkit.core.typed.internal;

import dev.ddbkit.core.error.DdbkitErrors;
import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.metrics.MetricsHook;
import dev.ddbkit.core.retry.DdbkitRetry;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one DynamoDB call with ddbkit's retry on top of the SDK's: every failure is translated to ddbkit's
 * hierarchy, retried when the retry's settings say so, and each retry is reported to the metrics hook.
 */
public final class Calls {
  private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

  private final DdbkitRetry retry;
  private final MetricsHook metrics;

  /** Calls retried by {@code retry} and reported to {@code metrics}. */
  public Calls(DdbkitRetry retry, MetricsHook metrics) {
    this.retry = retry;
    this.metrics = metrics;
  }

  /** The retry. */
  public DdbkitRetry retry() {
    return retry;
  }

  /** Runs {@code call} ({@code operation} on {@code table}), retrying retryable failures. */
  public <R> R run(String operation, String table, Supplier<R> call) {
    DdbkitRetry.Session session = retry.session();
    while (true) {
      try {
        R result = call.get();
        session.succeeded();
        return result;
      } catch (RuntimeException e) {
        DdbkitException error = translate(e, operation, table);
        if (error == null || !session.awaitRetry(error)) {
          throw error == null ? e : error;
        }
        retried(operation, table);
        LOG.debug("Retrying {} on {} after {}", operation, table, error.toString());
      }
    }
  }

  /** Reports one retry by ddbkit; a failing hook is logged, never thrown. */
  public void retried(String operation, String table) {
    try {
      metrics.retried(operation, table, MetricsHook.RetrySource.DDBKIT);
    } catch (RuntimeException e) {
      LOG.warn("Metrics hook failed on retried({}, {})", operation, table, e);
    }
  }

  private static @Nullable DdbkitException translate(RuntimeException e, String operation, String table) {
    // ddbkit's own argument errors are not DynamoDB failures and pass through untouched
    if (e instanceof IllegalArgumentException && !(e instanceof DdbkitException)
        && e.getClass().getName().startsWith("dev.ddbkit")) {
      return null;
    }
    return DdbkitErrors.translate(e, operation, table);
  }
}
