package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;

/**
 * Reading one shard of a metric failed and the query did not allow partial results. The cause is the
 * translated DynamoDB error ({@link DdbkitException}).
 */
public final class ShardReadException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final String metricName;
  private final int shard;

  private ShardReadException(String message, DdbkitException cause, ErrorContext context, String metricName,
      int shard) {
    super(message, cause.errorCode(), cause.retryable(), context, cause);
    this.metricName = metricName;
    this.shard = shard;
  }

  /** Creates the error for {@code shard} of {@code metricName}. */
  public static ShardReadException of(String table, String metricName, int shard, DdbkitException cause) {
    String message = "Query of shard " + shard + " (" + MetricKeys.shardKey(metricName, shard) + ") on table "
        + table + " failed: " + cause.getMessage();
    ErrorContext context = ErrorContext.of("Query", table).withRequestId(cause.requestId().orElse(null));
    return new ShardReadException(message, cause, context, metricName, shard);
  }

  /** The metric being read. */
  public String metricName() {
    return metricName;
  }

  /** The shard that failed. */
  public int shard() {
    return shard;
  }

  /** The failed shard's partition key value. */
  public String shardKey() {
    return MetricKeys.shardKey(metricName, shard);
  }
}
