package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.Require;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One value of a metric at an instant, with the id that makes it unique among points of the same metric and
 * timestamp. The id is fixed when the point is created, so the point's sort key is fixed too; whether
 * sending it again rewrites the same item depends on the shard it lands in. With
 * {@link ShardSelector#calculated} selection the shard is a function of the point, so re-sending is
 * idempotent. With {@link ShardSelector#random()} or {@link ShardSelector#roundRobin()} a caller's own retry of
 * {@code put(point)} may pick another shard and create a second copy (ddbkit's reads and aggregates return such
 * a copy once; other readers of the table see both); to rewrite the same item after a failed bulk
 * write, re-send {@link MetricWriteException#pending()} with {@code ShardedMetrics.retry(...)}, which keeps
 * each point's shard.
 *
 * <pre>{@code
 * MetricPoint p = MetricPoint.of("page_views", Instant.now(), 1);
 * MetricPoint q = MetricPoint.of("order_total", Instant.now(), 99.5).withId("order-123");
 * }</pre>
 *
 * @param metricName the metric; not blank, without {@code '#'}
 * @param timestamp when; years 0000 to 9999, stored with nanosecond precision
 * @param value the value; finite and within DynamoDB's number range
 * @param id unique among points of this metric with this timestamp; a random 16-hex-digit id by default
 */
public record MetricPoint(String metricName, Instant timestamp, double value, String id) {
  /** Largest magnitude DynamoDB stores in a number attribute. */
  public static final double MAX_MAGNITUDE = 9.9999999999999999999999999999999999999E+125;
  /** Smallest non-zero magnitude DynamoDB stores in a number attribute. */
  public static final double MIN_MAGNITUDE = 1E-130;

  /** Validates every component; throws {@link dev.ddbkit.core.error.InvalidInputException} on bad input. */
  public MetricPoint {
    MetricKeys.checkMetricName(metricName);
    MetricKeys.checkTimestamp(timestamp);
    checkValue(value);
    MetricKeys.checkId(id);
  }

  /** A point with a fresh random id. */
  public static MetricPoint of(String metricName, Instant timestamp, double value) {
    return new MetricPoint(metricName, timestamp, value, randomId());
  }

  /** This point with the caller's id instead (for example an order number). */
  public MetricPoint withId(String newId) {
    return new MetricPoint(metricName, timestamp, value, newId);
  }

  /** The sort key value this point is stored under. */
  public String sortKey() {
    return MetricKeys.sortKey(timestamp, id);
  }

  /** A random 16-hex-digit id. */
  public static String randomId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** Checks a value is finite and storable as a DynamoDB number; returns it. */
  public static double checkValue(double value) {
    Require.argument(Double.isFinite(value), "value", () -> "value must be a finite number but was " + value + ".");
    double magnitude = Math.abs(value);
    Require.argument(magnitude <= MAX_MAGNITUDE && (magnitude == 0 || magnitude >= MIN_MAGNITUDE), "value",
        () -> "value must be 0 or have a magnitude between 1E-130 and 9.99E+125 (DynamoDB's number range) but was "
            + value + ".");
    return value;
  }
}
