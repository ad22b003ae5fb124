package dev.ddbkit.metrics.sharding.internal;

import dev.ddbkit.metrics.sharding.MetricKeys;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps points to the guide's item layout and back. */
public final class Items {
  /** Partition key attribute. */
  public static final String SHARD = "metric_shard";
  /** Sort key attribute. */
  public static final String TIMESTAMP = "timestamp";
  /** Metric name attribute. */
  public static final String NAME = "metric_name";
  /** Value attribute (number). */
  public static final String VALUE = "value";
  /** TTL attribute (epoch seconds). */
  public static final String EXPIRES_AT = "expires_at";

  private Items() {}

  /** The item of {@code point} in {@code shard}, expiring at {@code expiresAt}. */
  public static Map<String, AttributeValue> toItem(MetricPoint point, int shard, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(8);
    item.put(SHARD, AttributeValue.fromS(MetricKeys.shardKey(point.metricName(), shard)));
    item.put(TIMESTAMP, AttributeValue.fromS(point.sortKey()));
    item.put(NAME, AttributeValue.fromS(point.metricName()));
    item.put(VALUE, AttributeValue.fromN(Double.toString(point.value())));
    item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    return item;
  }

  /** The primary key of an item. */
  public static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
    return Map.of(SHARD, item.get(SHARD), TIMESTAMP, item.get(TIMESTAMP));
  }

  /** A string identifying an item's primary key. */
  public static String keyString(Map<String, AttributeValue> item) {
    return item.get(SHARD).s() + '\u0000' + item.get(TIMESTAMP).s();
  }

  /** Reads an item written by ddbkit or by the guide's code. */
  public static StoredPoint fromItem(String metricName, int shard, Map<String, AttributeValue> item) {
    String sortKey = item.get(TIMESTAMP).s();
    Instant timestamp = MetricKeys.parseTimestamp(sortKey);
    String id = MetricKeys.parseId(sortKey).orElse(sortKey);
    AttributeValue value = item.get(VALUE);
    double v = value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
    AttributeValue expires = item.get(EXPIRES_AT);
    Optional<Instant> expiresAt = expires == null || expires.n() == null
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(new java.math.BigDecimal(expires.n()).longValue()));
    return new StoredPoint(new MetricPoint(metricName, timestamp, v, id), shard, sortKey, expiresAt);
  }
}
