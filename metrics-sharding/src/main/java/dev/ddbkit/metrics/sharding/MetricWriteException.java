package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bulk write ended with points not confirmed written: retries ran out, or a batch failed with an error
 * that is not retryable. {@link #notWritten()} lists exactly those points (with their ids, so sending them
 * again rewrites the same items); {@link #written()} lists every point DynamoDB confirmed.
 *
 * <p>A point is "not written" when DynamoDB did not confirm it. When a request failed after being sent (a
 * timeout, say) some of its points may nevertheless have been stored; writing them again is safe because a
 * point's key is fixed by its id.
 */
public final class MetricWriteException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final transient List<MetricPoint> notWritten;
  private final transient List<StoredPoint> written;

  private MetricWriteException(String message, String errorCode, boolean retryable, ErrorContext context,
      @Nullable Throwable cause, List<MetricPoint> notWritten, List<StoredPoint> written) {
    super(message, errorCode, retryable, context, cause);
    this.notWritten = List.copyOf(notWritten);
    this.written = List.copyOf(written);
  }

  /** Creates the error; {@code cause} is the last failure (a throttling or service error). */
  public static MetricWriteException of(String table, List<MetricPoint> notWritten, List<StoredPoint> written,
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

  /** The points confirmed written, in input order. */
  public List<StoredPoint> written() {
    return written;
  }
}
