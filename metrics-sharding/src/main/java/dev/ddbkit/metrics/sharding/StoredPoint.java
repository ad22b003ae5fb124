package dev.ddbkit.metrics.sharding;

import java.time.Instant;
import java.util.Optional;

/**
 * A point as stored: the point itself plus the shard it lives in, its sort key and its expiry.
 *
 * @param point the metric point; for items the guide's own code wrote, the id is the sort key itself
 * @param shard the shard number (the suffix of {@code metric_shard})
 * @param sortKey the stored {@code timestamp} attribute
 * @param expiresAt the stored {@code expires_at} TTL, when present
 */
public record StoredPoint(MetricPoint point, int shard, String sortKey, Optional<Instant> expiresAt) {

  /** The metric name. */
  public String metricName() {
    return point.metricName();
  }

  /** The point's timestamp. */
  public Instant timestamp() {
    return point.timestamp();
  }

  /** The point's value. */
  public double value() {
    return point.value();
  }

  /** The point's id. */
  public String id() {
    return point.id();
  }

  /** The partition key value {@code <metric>#<shard>}. */
  public String shardKey() {
    return MetricKeys.shardKey(point.metricName(), shard);
  }
}
