package dev.ddbkit.metrics.sharding.internal;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.item.SeedTimestamps;
import dev.ddbkit.metrics.sharding.MalformedMetricException;
import dev.ddbkit.metrics.sharding.MetricKeys;
import dev.ddbkit.metrics.sharding.MetricPoint;
import dev.ddbkit.metrics.sharding.StoredPoint;
import java.math.BigDecimal;
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
    item.put(EXPIRES_AT, AttributeValue.fromN(SeedTimestamps.epochSeconds(expiresAt)));
    return item;
  }

  /** The primary key of an item. */
  public static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
    return Map.of(SHARD, item.get(SHARD), TIMESTAMP, item.get(TIMESTAMP));
  }

  /** A string identifying an item's primary key. */
  public static String keyString(Map<String, AttributeValue> item) {
    return java.util.Objects.requireNonNull(item.get(SHARD), SHARD).s() + '\u0000'
        + java.util.Objects.requireNonNull(item.get(TIMESTAMP), TIMESTAMP).s();
  }

  /**
   * Reads an item written by ddbkit or by the guide's code.
   *
   * @throws MalformedMetricException when the sort key is not a metric timestamp or {@code value} is missing
   *     or not a finite number (never read as 0)
   */
  public static StoredPoint fromItem(String table, String metricName, int shard,
      Map<String, AttributeValue> item) {
    AttributeValue key = item.get(TIMESTAMP);
    String sortKey = key == null || key.s() == null ? "" : key.s();
    Instant timestamp;
    try {
      timestamp = MetricKeys.parseTimestamp(sortKey);
    } catch (InvalidInputException e) {
      throw MalformedMetricException.of(table, metricName, shard, sortKey,
          "its sort key '" + sortKey + "' is not a metric timestamp.");
    }
    String id = MetricKeys.parseId(sortKey).orElse(sortKey);
    AttributeValue value = item.get(VALUE);
    if (value == null || value.n() == null) {
      throw MalformedMetricException.of(table, metricName, shard, sortKey,
          "its '" + VALUE + "' attribute is missing or not a number.");
    }
    double v;
    try {
      v = Double.parseDouble(value.n());
    } catch (NumberFormatException e) {
      throw MalformedMetricException.of(table, metricName, shard, sortKey,
          "its '" + VALUE + "' attribute '" + value.n() + "' is not a number.");
    }
    if (!Double.isFinite(v)) {
      throw MalformedMetricException.of(table, metricName, shard, sortKey,
          "its '" + VALUE + "' attribute '" + value.n() + "' is not a finite number.");
    }
    AttributeValue expires = item.get(EXPIRES_AT);
    Optional<Instant> expiresAt = Optional.empty();
    if (expires != null && expires.n() != null) {
      try {
        expiresAt = Optional.of(Instant.ofEpochSecond(epochSeconds(expires.n())));
      } catch (NumberFormatException | java.time.DateTimeException e) {
        throw MalformedMetricException.of(table, metricName, shard, sortKey,
            "its '" + EXPIRES_AT + "' attribute '" + expires.n() + "' is not an epoch second.");
      }
    }
    return new StoredPoint(new MetricPoint(metricName, timestamp, v, id), shard, sortKey, expiresAt);
  }

  /** Whole epoch seconds of a TTL value; the guide's code may have written a fraction. */
  private static long epochSeconds(String n) {
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException notAnInteger) {
      return new BigDecimal(n).longValue();
    }
  }
}
