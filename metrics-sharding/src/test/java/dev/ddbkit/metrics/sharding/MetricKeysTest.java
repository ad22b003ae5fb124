package dev.ddbkit.metrics.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbkit.core.error.InvalidInputException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MetricKeysTest {

  @Test
  void sortKey_hasFixedWidthIsoMillisPrefixSubMillisAndId() {
    Instant t = Instant.parse("2024-01-15T10:30:00.123456789Z");
    assertThat(MetricKeys.sortKey(t, "abc")).isEqualTo("2024-01-15T10:30:00.123Z#456789#abc");
    assertThat(MetricKeys.sortKey(Instant.parse("2024-01-15T10:30:00Z"), "x"))
        .isEqualTo("2024-01-15T10:30:00.000Z#000000#x");
  }

  @Test
  void isoMillis_matchesJavaScriptToIsoString() {
    assertThat(MetricKeys.isoMillis(Instant.parse("2024-01-15T10:30:00Z"))).isEqualTo("2024-01-15T10:30:00.000Z");
    assertThat(MetricKeys.isoMillis(Instant.parse("0001-02-03T04:05:06.7Z"))).isEqualTo("0001-02-03T04:05:06.700Z");
  }

  @Property(tries = 500)
  void sortKeyOrder_isTimeOrder(@ForAll @LongRange(min = -62_000_000_000L, max = 253_402_300_000L) long secA,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanoA,
      @ForAll @LongRange(min = -62_000_000_000L, max = 253_402_300_000L) long secB,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanoB) {
    Instant a = Instant.ofEpochSecond(secA, nanoA);
    Instant b = Instant.ofEpochSecond(secB, nanoB);
    String ka = MetricKeys.sortKey(a, "id");
    String kb = MetricKeys.sortKey(b, "id");
    assertThat(ka).hasSize(kb.length());
    assertThat(Integer.signum(ka.compareTo(kb))).isEqualTo(Integer.signum(a.compareTo(b)));
    assertThat(MetricKeys.parseTimestamp(ka)).isEqualTo(a);
  }

  @Test
  void bounds_includeBothEndsAndSeedItemsAtTheStartMillisecond() {
    Instant t = Instant.parse("2024-01-15T10:30:00.123456789Z");
    String key = MetricKeys.sortKey(t, "zzzz");
    assertThat(key).isGreaterThanOrEqualTo(MetricKeys.lowerBound(t));
    assertThat(key).isLessThanOrEqualTo(MetricKeys.upperBound(t));
    assertThat(key).isLessThan(MetricKeys.lowerBound(t.plusNanos(1)));
    assertThat(key).isGreaterThan(MetricKeys.upperBound(t.minusNanos(1)));
    Instant ms = Instant.parse("2024-01-15T10:30:00.123Z");
    assertThat("2024-01-15T10:30:00.123Z").isGreaterThanOrEqualTo(MetricKeys.lowerBound(ms))
        .isLessThanOrEqualTo(MetricKeys.upperBound(ms));
  }

  @Test
  void seedShapedBounds_findPointsFromStartUpToButExcludingTheEndMillisecond() {
    String start = "2024-01-15T10:00:00.000Z";
    String end = "2024-01-15T11:00:00.000Z";
    String atStart = MetricKeys.sortKey(Instant.parse(start), "a");
    String inside = MetricKeys.sortKey(Instant.parse("2024-01-15T10:59:59.999999999Z"), "a");
    String atEnd = MetricKeys.sortKey(Instant.parse(end), "a");
    assertThat(atStart).isBetween(start, end);
    assertThat(inside).isBetween(start, end);
    assertThat(atEnd).isGreaterThan(end).isLessThan(end + "~");
  }

  @Test
  void parse_readsSeedWrittenTimestampsWithoutId() {
    assertThat(MetricKeys.parseTimestamp("2024-01-15T10:30:00.123Z")).isEqualTo(Instant.parse("2024-01-15T10:30:00.123Z"));
    assertThat(MetricKeys.parseId("2024-01-15T10:30:00.123Z")).isEmpty();
    assertThat(MetricKeys.parseId("2024-01-15T10:30:00.123Z#000000#a#b")).contains("a#b");
  }

  @Test
  void shardKey_isNameHashShard() {
    assertThat(MetricKeys.shardKey("page_views", 3)).isEqualTo("page_views#3");
  }

  @Test
  void timestampOutsideFourDigitYears_isRejected() {
    assertThatThrownBy(() -> MetricKeys.sortKey(Instant.parse("+10000-01-01T00:00:00Z"), "a"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestamp");
  }

  @Test
  void checkMetricName_countsUtf8BytesOfThePartitionKey() {
    String longest = "€".repeat(679);  // 2,037 UTF-8 bytes: "<name>#<10-digit shard>" is 2,048 bytes
    assertThat(MetricKeys.shardKey(longest, Integer.MAX_VALUE - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hasSize(2048);
    assertThatThrownBy(() -> MetricKeys.checkMetricName("€".repeat(700)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2037 UTF-8 bytes").hasMessageEndingWith(".")
        .extracting(e -> ((InvalidInputException) e).argument()).isEqualTo("metricName");
    assertThatThrownBy(() -> MetricQuery.builder("€".repeat(680), Instant.EPOCH, Instant.EPOCH).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("metricName");
  }

  @Test
  void shardedMetrics_invalidTableName_isRejected() {
    software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient unused =
        new software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient() {
          @Override
          public String serviceName() {
            return "dynamodb";
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> ShardedMetrics.create(unused, "metrics production!"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tableName 'metrics production!'")
        .extracting(e -> ((InvalidInputException) e).argument()).isEqualTo("tableName");
  }
}
