package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.DdbkitException;
import dev.ddbkit.core.error.ErrorContext;

/**
 * An item read from a metric shard is not a metric point: its {@code timestamp} sort key is not a metric
 * timestamp, or its {@code value} is missing or not a number. Thrown by reads (Query) instead of guessing a
 * value, so aggregates are never silently skewed. Not retryable: the stored item must be fixed or removed.
 */
public final class MalformedMetricException extends DdbkitException {
  private static final long serialVersionUID = 1L;

  private final String metricName;
  private final int shard;
  private final String sortKey;

  private MalformedMetricException(String message, ErrorContext context, String metricName, int shard,
      String sortKey) {
    super(message, "MalformedMetric", false, context, null);
    this.metricName = metricName;
    this.shard = shard;
    this.sortKey = sortKey;
  }

  /** Creates the error for the item with {@code sortKey} in {@code shard} of {@code metricName}. */
  public static MalformedMetricException of(String table, String metricName, int shard, String sortKey,
      String problem) {
    String message = "Item (" + MetricKeys.shardKey(metricName, shard) + ", " + sortKey + ") in shard " + shard
        + " of metric " + metricName + " on table " + table + " is not a metric point: " + problem;
    return new MalformedMetricException(message, ErrorContext.of("Query", table), metricName, shard, sortKey);
  }

  /** The metric being read. */
  public String metricName() {
    return metricName;
  }

  /** The shard holding the item. */
  public int shard() {
    return shard;
  }

  /** The shard's partition key value {@code <metric>#<shard>}. */
  public String shardKey() {
    return MetricKeys.shardKey(metricName, shard);
  }

  /** The item's sort key ({@code timestamp} attribute) as stored; empty if the attribute was missing. */
  public String sortKey() {
    return sortKey;
  }
}
