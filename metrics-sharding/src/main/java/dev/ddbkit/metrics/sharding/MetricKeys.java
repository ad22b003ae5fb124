package dev.ddbkit.metrics.sharding;

import dev.ddbkit.core.error.InvalidInputException;
import dev.ddbkit.core.error.Require;
import dev.ddbkit.core.item.SeedTimestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * The key formats of the sharded metrics table, shared with the guide's Node.js code.
 *
 * <ul>
 *   <li>Partition key {@code metric_shard}: {@code <metric name>#<shard>}, for example {@code page_views#3}.
 *   <li>Sort key {@code timestamp}: {@code <iso>#<subms>#<id>}, for example
 *       {@code 2024-01-15T10:30:00.123Z#456789#9f2c4e1a7b3d5f60}. {@code <iso>} is always the 24-character
 *       UTC form {@code yyyy-MM-ddTHH:mm:ss.SSSZ} that JavaScript's {@code Date.toISOString()} produces (years
 *       0000 to 9999), {@code <subms>} the six digits of nanoseconds within that millisecond, {@code <id>}
 *       the point's unique id. The fixed-width prefix makes string order time order; the id keeps two
 *       points with the same timestamp apart.
 * </ul>
 *
 * <p>A query shaped like the guide's ({@code metric_shard = :shard AND #ts BETWEEN :start AND :end} with
 * {@code toISOString()} bounds) returns the ddbkit points whose millisecond {@code m} satisfies
 * {@code start <= m < end}: the end millisecond is excluded because {@code "...000Z#..."} sorts after
 * {@code "...000Z"}. To include it, pass {@code end + "~"} as {@code :end}, or {@link #upperBound(Instant)}.
 */
public final class MetricKeys {
  /** Separator inside both keys. */
  public static final char SEPARATOR = '#';
  /** Length of the ISO prefix of every sort key. */
  public static final int ISO_LENGTH = SeedTimestamps.ISO_MILLIS_LENGTH;
  /** Earliest storable timestamp. */
  public static final Instant MIN_TIMESTAMP = Instant.parse("0000-01-01T00:00:00Z");
  /** Latest storable timestamp. */
  public static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private MetricKeys() {}

  /** The partition key value {@code <metricName>#<shard>}. */
  public static String shardKey(String metricName, int shard) {
    return checkMetricName(metricName) + SEPARATOR + Require.atLeast(shard, 0, "shard");
  }

  /** The 24-character {@code yyyy-MM-ddTHH:mm:ss.SSSZ} form of {@code timestamp}, truncated to milliseconds. */
  public static String isoMillis(Instant timestamp) {
    return SeedTimestamps.isoMillis(checkTimestamp(timestamp));
  }

  /** The sort key of a point: {@code <iso>#<subms>#<id>}. */
  public static String sortKey(Instant timestamp, String id) {
    return timestampPrefix(timestamp) + SEPARATOR + checkId(id);
  }

  /** {@code <iso>#<subms>}: the part of every sort key that depends on the timestamp only. */
  public static String timestampPrefix(Instant timestamp) {
    int subMillis = checkTimestamp(timestamp).getNano() % 1_000_000;
    return isoMillis(timestamp) + SEPARATOR + sixDigits(subMillis);
  }

  /** Zero-padded six ASCII digits, independent of the default locale. */
  private static String sixDigits(int value) {
    String digits = Integer.toString(value);
    return "000000".substring(digits.length()) + digits;
  }

  /**
   * The smallest sort key value of a point at or after {@code from}: use as an inclusive lower bound. Also
   * admits items the guide's code wrote at that millisecond when {@code from} has no sub-millisecond part.
   */
  public static String lowerBound(Instant from) {
    return checkTimestamp(from).getNano() % 1_000_000 == 0 ? isoMillis(from) : timestampPrefix(from);
  }

  /** A value above every sort key of a point at or before {@code to}: use as an inclusive upper bound. */
  public static String upperBound(Instant to) {
    return timestampPrefix(to) + '$';
  }

  /** Parses the timestamp of a sort key written by ddbkit or by the guide's code ({@code toISOString()}). */
  public static Instant parseTimestamp(String sortKey) {
    Require.nonNull(sortKey, "sortKey");
    Optional<Instant> parsed;
    if (sortKey.length() > ISO_LENGTH + 7 && sortKey.charAt(ISO_LENGTH) == SEPARATOR) {
      int subMillis = digitsAt(sortKey, ISO_LENGTH + 1);
      parsed = subMillis < 0 ? Optional.empty()
          : SeedTimestamps.parseIso(sortKey.substring(0, ISO_LENGTH)).map(millis -> millis.plusNanos(subMillis));
    } else {
      parsed = SeedTimestamps.parseIso(sortKey);
    }
    return parsed.orElseThrow(
        () -> InvalidInputException.of("sortKey", "sortKey '" + sortKey + "' is not a metric timestamp."));
  }

  /** The six ASCII digits at {@code from}, or -1 if they are not six digits. */
  private static int digitsAt(String s, int from) {
    int value = 0;
    for (int i = from; i < from + 6; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** The id part of a ddbkit sort key; empty for items the guide's code wrote (no id). */
  public static Optional<String> parseId(String sortKey) {
    Require.nonNull(sortKey, "sortKey");
    if (sortKey.length() > ISO_LENGTH + 8 && sortKey.charAt(ISO_LENGTH) == SEPARATOR
        && sortKey.charAt(ISO_LENGTH + 7) == SEPARATOR) {
      return Optional.of(sortKey.substring(ISO_LENGTH + 8));
    }
    return Optional.empty();
  }

  /**
   * Longest metric name in UTF-8 bytes: the partition key {@code <name>#<shard>} must stay within
   * DynamoDB's 2048 bytes for any shard number (up to 10 digits).
   */
  public static final int MAX_METRIC_NAME_BYTES = Require.MAX_PARTITION_KEY_BYTES - 1 - 10;

  /**
   * Checks a metric name: not blank, without {@code '#'}, at most 1000 characters and at most
   * {@value #MAX_METRIC_NAME_BYTES} UTF-8 bytes (so that {@code <name>#<shard>} is a valid partition key);
   * returns it.
   */
  public static String checkMetricName(String metricName) {
    Require.nonBlank(metricName, "metricName");
    Require.argument(metricName.indexOf(SEPARATOR) < 0, "metricName",
        () -> "metricName must not contain '#' (it separates the name from the shard) but was '" + metricName + "'.");
    Require.argument(metricName.length() <= 1000, "metricName",
        () -> "metricName must be at most 1000 characters but had " + metricName.length() + ".");
    int bytes = Require.utf8Length(metricName);
    Require.argument(bytes <= MAX_METRIC_NAME_BYTES, "metricName",
        () -> "metricName must be at most " + MAX_METRIC_NAME_BYTES
            + " UTF-8 bytes (its partition key '<name>#<shard>' is limited to " + Require.MAX_PARTITION_KEY_BYTES
            + " bytes) but was " + bytes + ".");
    return metricName;
  }

  /** Checks a timestamp lies in years 0000 to 9999, where the key format is fixed-width; returns it. */
  public static Instant checkTimestamp(Instant timestamp) {
    Require.nonNull(timestamp, "timestamp");
    Require.argument(!timestamp.isBefore(MIN_TIMESTAMP) && !timestamp.isAfter(MAX_TIMESTAMP), "timestamp",
        () -> "timestamp must lie in years 0000 to 9999 but was " + timestamp + ".");
    return timestamp;
  }

  /** Checks a point id: not blank, at most 256 characters, no control characters; returns it. */
  public static String checkId(String id) {
    Require.nonBlank(id, "id");
    Require.argument(id.length() <= 256, "id", () -> "id must be at most 256 characters but had " + id.length() + ".");
    for (int i = 0; i < id.length(); i++) {
      Require.argument(!Character.isISOControl(id.charAt(i)), "id", "id must not contain control characters.");
    }
    return id;
  }
}
