package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bulk write ended with points not confirmed written: retries ran out, or a batch failed with an error
 * that is not retryable. {@link #notWritten()} lists exactly those points; {@link #pending()} lists the same
 * points with the shard each was sent to; {@link #written()} lists every point DynamoDB confirmed.
 *
 * <p>A point is "not written" when DynamoDB did not confirm it. When a request failed after being sent (a
 * timeout, say) some of its points may nevertheless have been stored. Re-sending {@link #pending()} with
 * {@link ShardedMetrics#retry(MetricWriteException)} or {@link ShardedMetrics#rewrite(java.util.Collection)}
 * writes each point to the shard it was sent to, so it rewrites the same item and never adds a copy. Passing
 * {@link #notWritten()} to {@code putAll} instead chooses shards again: idempotent with
 * {@link ShardSelector#calculated} selection, but with random or round-robin selection a point that was in
 * fact stored may get a second copy in another shard.
 */
public final class MetricWriteException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final transient List<MetricPoint> notWritten;
  private final transient List<StoredPoint> pending;
  private final transient List<StoredPoint> written;

  private MetricWriteException(String message, String errorCode, boolean retryable, ErrorContext context,
      @Nullable Throwable cause, List<StoredPoint> pending, List<StoredPoint> written) {
    super(message, errorCode, retryable, context, cause);
    this.pending = List.copyOf(pending);
    this.notWritten = this.pending.stream().map(StoredPoint::point).toList();
    this.written = List.copyOf(written);
  }

  /** Creates the error; {@code cause} is the last failure (a throttling or service error). */
  public static MetricWriteException of(String table, List<StoredPoint> notWritten, List<StoredPoint> written,
      @Nullable Throwable cause) {
    String code = cause instanceof DdbkitException d ? d.errorCode() : "UnprocessedItems";
    boolean retryable = !(cause instanceof DdbkitException d) || d.retryable();
    String message = "BatchWriteItem on table " + table + " left " + notWritten.size() + " of "
        + (notWritten.size() + written.size()) + " metric points unwritten"
        + (cause == null ? "." : ": " + cause.getMessage());
    return new MetricWriteException(message, code, retryable, ErrorContext.of("BatchWriteItem", table), cause,
        notWritten, written);
  }

  /** The points not confirmed written, in input order. */
  public List<MetricPoint> notWritten() {
    return notWritten;
  }

  /**
   * The points not confirmed written, in input order, each with the shard it was sent to (and the sort key
   * and expiry it was sent with). Re-send them with {@link ShardedMetrics#retry(MetricWriteException)} to
   * rewrite the same items.
   */
  public List<StoredPoint> pending() {
    return pending;
  }

  /** The points confirmed written, in input order. */
  public List<StoredPoint> written() {
    return written;
  }
}
